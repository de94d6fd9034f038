import { Injectable } from '@nestjs/common';
import { filter, type Observable, Subject } from 'rxjs';
import type { DomainEvent, EventName } from '@maillage/core';

/** The in-process typed bus (rxjs). Fed by the outbox relay only, so it carries committed events. */
@Injectable()
export class EventBus {
  private readonly events = new Subject<DomainEvent>();

  publish(event: DomainEvent): void {
    this.events.next(event);
  }

  on<N extends EventName>(name: N): Observable<DomainEvent<N>> {
    return this.events.pipe(filter((e): e is DomainEvent<N> => e.name === name));
  }
}

/** An rxjs stream as the AsyncIterator GraphQL subscriptions expect; unsubscribes when the client leaves. */
export function toAsyncIterator<T>(source: Observable<T>): AsyncIterableIterator<T> {
  const buffer: T[] = [];
  const waiting: ((r: IteratorResult<T>) => void)[] = [];
  let done = false;
  const subscription = source.subscribe({
    next: (value) => {
      const resolve = waiting.shift();
      if (resolve) resolve({ value, done: false });
      else if (buffer.length < 1000) buffer.push(value);
    },
    complete: () => finish(),
  });
  const finish = () => {
    done = true;
    subscription.unsubscribe();
    for (const resolve of waiting.splice(0)) resolve({ value: undefined, done: true });
  };
  return {
    next: () =>
      buffer.length ? Promise.resolve({ value: buffer.shift()!, done: false }) : done ? Promise.resolve({ value: undefined, done: true }) : new Promise((resolve) => waiting.push(resolve)),
    return: () => {
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    throw: (error: unknown) => {
      finish();
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
