import { useState, type FormEvent } from 'react';
import { request } from '../../api';
import type { EndpointKind, EndpointProtocol } from '../../generated/graphql';
import { CheckboxField, FormStatus, formErrorsOf, NO_ERRORS, SelectField, TextField, type FormErrors } from '../forms';
import { useAdminI18n } from '../messages';
import { ADD_ENDPOINT, ADD_ROOM, REMOVE_ROOM, UPDATE_ENDPOINT, UPDATE_ROOM } from '../operations';
import type { AdminPoint } from './PointEditorPage';

type Room = AdminPoint['rooms'][number];
type Endpoint = NonNullable<Room['endpoints']>[number];
const KINDS: EndpointKind[] = ['ROOM_SYSTEM', 'SOFT_CLIENT', 'PHONE'];
const PROTOCOLS: EndpointProtocol[] = ['SIP', 'H323', 'WEBRTC'];

/** The point's rooms (name, seats, dedicated or shared, equipment) and each room's endpoints (room systems). */
export function RoomsEditor({ point, onSaved }: { point: AdminPoint; onSaved(): void }) {
  const { t } = useAdminI18n();
  return (
    <div>
      {point.rooms.map((room, index) => (
        <section key={room.id} className="room" aria-labelledby={`room-${room.id}`} data-testid="admin-room">
          <h3 id={`room-${room.id}`}>{t('rooms.roomN', { n: index + 1, name: room.name })}</h3>
          <RoomForm pointId={point.id} room={room} onSaved={onSaved} />
          <h4>{t('rooms.endpoints')}</h4>
          {(room.endpoints ?? []).length === 0 && <p className="hint">{t('rooms.noEndpoint')}</p>}
          {(room.endpoints ?? []).map((endpoint) => (
            <EndpointForm key={endpoint.id} roomId={room.id} endpoint={endpoint} onSaved={onSaved} />
          ))}
          <details>
            <summary>{t('rooms.addEndpoint')}</summary>
            <EndpointForm roomId={room.id} onSaved={onSaved} />
          </details>
        </section>
      ))}
      <section aria-labelledby="new-room">
        <h3 id="new-room">{t('rooms.addRoom')}</h3>
        <RoomForm pointId={point.id} onSaved={onSaved} />
      </section>
    </div>
  );
}

function RoomForm({ pointId, room, onSaved }: { pointId: string; room?: Room; onSaved(): void }) {
  const { t, tp, lang } = useAdminI18n();
  const [name, setName] = useState(room?.name ?? '');
  const [capacity, setCapacity] = useState(room ? String(room.capacity) : '6');
  const [dedicated, setDedicated] = useState(room?.dedicated ?? true);
  const [equipment, setEquipment] = useState((room?.equipment ?? []).join('\n'));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const error = (k: string) => errors.fields[`input.${k}`] ?? Object.entries(errors.fields).find(([key]) => key.startsWith(`input.${k}.`))?.[1];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const seats = Number(capacity.trim());
    if (!Number.isInteger(seats) || capacity.trim() === '') {
      setErrors({ fields: { 'input.capacity': t('policy.wholeNumber') }, general: null });
      return;
    }
    const input = { name: name.trim(), capacity: seats, dedicated, equipment: equipment.split('\n').map((s) => s.trim()).filter(Boolean) };
    setBusy(true);
    try {
      if (room) await request(UPDATE_ROOM, { id: room.id, input });
      else {
        await request(ADD_ROOM, { pointId, input });
        setName('');
        setEquipment('');
      }
      setErrors(NO_ERRORS);
      setSaved(room ? t('admin.saved') : t('rooms.added'));
      onSaved();
    } catch (e) {
      setErrors(formErrorsOf(e, lang, (key) => key.startsWith('input.')));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    if (!room || !window.confirm(t('rooms.confirmRemove', { name: room.name }))) return;
    try {
      await request(REMOVE_ROOM, { id: room.id });
      onSaved();
    } catch (e) {
      setErrors(formErrorsOf(e, lang, () => false));
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <div className="form-grid">
        <TextField label={t('rooms.name')} value={name} onChange={setName} error={error('name')} />
        <TextField className="narrow" label={t('rooms.capacity')} inputMode="numeric" value={capacity} onChange={setCapacity} error={error('capacity')} />
      </div>
      <CheckboxField label={t('rooms.dedicated')} checked={dedicated} onChange={setDedicated} error={error('dedicated')} />
      <TextField label={tp('point.equipment')} hint={t('rooms.equipmentHint')} multiline value={equipment} onChange={setEquipment} error={error('equipment')} />
      <FormStatus errors={errors} saved={saved} summary={(count) => t('admin.formErrors', { count })} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {room ? t('rooms.saveRoom') : t('rooms.addRoom')}
        </button>
        {room && (
          <button type="button" className="danger" onClick={() => void remove()}>
            {t('rooms.removeRoom')}
          </button>
        )}
      </div>
    </form>
  );
}

function EndpointForm({ roomId, endpoint, onSaved }: { roomId: string; endpoint?: Endpoint; onSaved(): void }) {
  const { t, lang } = useAdminI18n();
  const [name, setName] = useState(endpoint?.name ?? '');
  const [kind, setKind] = useState<EndpointKind>(endpoint?.kind ?? 'ROOM_SYSTEM');
  const [protocol, setProtocol] = useState<EndpointProtocol>(endpoint?.protocol ?? 'SIP');
  const [sipUri, setSipUri] = useState(endpoint?.sipUri ?? '');
  const [vendor, setVendor] = useState(endpoint?.vendor ?? '');
  const [model, setModel] = useState(endpoint?.model ?? '');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const error = (k: string) => errors.fields[`input.${k}`];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = { name: name.trim(), kind, protocol, sipUri: sipUri.trim() || null, vendor: vendor.trim() || null, model: model.trim() || null };
    setBusy(true);
    try {
      if (endpoint) await request(UPDATE_ENDPOINT, { id: endpoint.id, input });
      else await request(ADD_ENDPOINT, { roomId, input });
      setErrors(NO_ERRORS);
      setSaved(endpoint ? t('admin.saved') : t('rooms.added'));
      onSaved();
    } catch (e) {
      setErrors(formErrorsOf(e, lang, (key) => key.startsWith('input.')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate className="endpoint" aria-label={endpoint ? t('rooms.endpointNamed', { name: endpoint.name }) : t('rooms.addEndpoint')}>
      <div className="form-grid">
        <TextField label={t('rooms.endpointName')} value={name} onChange={setName} error={error('name')} />
        <SelectField label={t('rooms.kind')} value={kind} onChange={setKind} options={KINDS.map((k) => ({ value: k, label: t(`endpointKind.${k}`) }))} error={error('kind')} />
        <SelectField label={t('rooms.protocol')} value={protocol} onChange={setProtocol} options={PROTOCOLS.map((p) => ({ value: p, label: p }))} error={error('protocol')} />
        <TextField label={t('rooms.sipUri')} hint={t('rooms.sipUriHint')} value={sipUri} onChange={setSipUri} error={error('sipUri')} />
        <TextField className="narrow" label={t('rooms.vendor')} value={vendor} onChange={setVendor} error={error('vendor')} />
        <TextField className="narrow" label={t('rooms.model')} value={model} onChange={setModel} error={error('model')} />
      </div>
      <FormStatus errors={errors} saved={saved} summary={(count) => t('admin.formErrors', { count })} />
      <div className="actions">
        <button type="submit" className="secondary" disabled={busy}>
          {endpoint ? t('rooms.saveEndpoint') : t('rooms.addEndpoint')}
        </button>
      </div>
    </form>
  );
}
