// How the registry names, dates and shows an institution; shared by one-at-a-time changes and imports.
import { createHash } from 'node:crypto';
import type { InstitutionRecord, NewInstitution } from '@raksha/db';
import { type CreateInstitutionBody, EXPIRING_WITHIN_DAYS, INSTITUTION_SLUG_MAX, type InstitutionView, type RegistrationStatus, type RegistrationView } from '@raksha/contracts';
import { dayInIndia } from '@raksha/domain';

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function registrationStatus(r: Pick<InstitutionRecord, 'registrationNo' | 'registeredUntil'>, today: string): RegistrationStatus {
  if (!r.registrationNo || !r.registeredUntil) return 'UNREGISTERED';
  if (r.registeredUntil < today) return 'EXPIRED';
  return r.registeredUntil < addDays(today, EXPIRING_WITHIN_DAYS) ? 'EXPIRING' : 'VALID';
}

export function registrationView(r: InstitutionRecord, today: string): RegistrationView {
  return { no: r.registrationNo, from: r.registeredFrom, until: r.registeredUntil, status: registrationStatus(r, today) };
}

export function institutionView(r: InstitutionRecord, today = dayInIndia()): InstitutionView {
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    level: r.level,
    stateCode: r.stateCode,
    districtCode: r.districtCode,
    address: r.address,
    phone: r.phone,
    kind: r.kind,
    management: r.management,
    registration: registrationView(r, today),
    infrastructure: r.infrastructure,
    capacities: r.capacities,
    version: r.version,
  };
}

/** `CCI-<district>-<name in capitals and dashes>`; a name with no Latin letters gets a short hash of itself. */
export function generatedInstitutionId(districtCode: string, name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, INSTITUTION_SLUG_MAX)
    .replace(/-+$/, '');
  return `CCI-${districtCode}-${slug || `H${createHash('sha256').update(name).digest('hex').slice(0, 8).toUpperCase()}`}`;
}

/** The new institution a valid request (or import row) describes, in a district of this state. */
export function newInstitution(body: CreateInstitutionBody, district: { code: string; stateCode: string }): NewInstitution {
  return {
    id: body.id ?? generatedInstitutionId(district.code, body.name),
    name: body.name,
    stateCode: district.stateCode,
    districtCode: district.code,
    address: body.address ?? null,
    phone: body.phone ?? null,
    kind: body.kind,
    management: body.management,
    registrationNo: body.registration?.no ?? null,
    registeredFrom: body.registration?.from ?? null,
    registeredUntil: body.registration?.until ?? null,
    infrastructure: body.infrastructure ?? {},
    capacities: body.capacities ?? [],
  };
}
