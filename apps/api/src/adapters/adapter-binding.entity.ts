import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An adapter bound to a point, with its configuration and its secrets (sealed with SecretBox, write-only). */
@Entity('adapter_binding')
export class AdapterBinding {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'point_id', type: 'uuid' }) pointId!: string;
  @Column({ name: 'adapter_id', type: 'text' }) adapterId!: string;
  @Column({ type: 'jsonb', default: () => "'{}'" }) config!: Record<string, unknown>;
  /** AES-256-GCM ciphertext of the secrets (JSON). Never exposed. */
  @Column({ type: 'text', nullable: true }) secrets!: string | null;
  @Column({ name: 'secret_names', type: 'text', array: true, default: () => "'{}'" }) secretNames!: string[];
  @Column({ type: 'boolean', default: true }) enabled!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
