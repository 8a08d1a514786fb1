import {
  ageOn,
  birthDateFromResidentId,
  genderFromResidentId,
  residentIdProblem,
  type IdType,
  type ResidentIdProblem,
  type Availability,
  type Skill,
  type SpokenLanguage,
  type VolunteerRegistration,
} from '@duodi/contracts';

/** What the ID number (or, for other papers, the birth date) tells about the person, for inline feedback. */
export type IdFacts = {
  /** Why a resident ID is invalid; `incomplete` while fewer than 18 characters are typed. */
  problem: ResidentIdProblem | 'incomplete' | 'other_format' | null;
  birthDate: string | null;
  gender: 'male' | 'female' | null;
  age: number | null;
  /** Under 18: a guardian must consent (DR-02). */
  minor: boolean;
  /** Under 14: the guardian's consent must be recorded before anything beyond registration (DR-02). */
  underFourteen: boolean;
};

const OTHER_ID = /^[A-Za-z0-9]{5,20}$/;

/**
 * Reads the ID as the server will (GB 11643 checksum through contracts' `residentIdProblem`), so the
 * form can say what is wrong before it is sent, and whether the guardian section is needed.
 */
export function idFacts(idType: IdType, rawIdNumber: string, birthDateInput: string, today: Date = new Date()): IdFacts {
  const idNumber = rawIdNumber.trim().toUpperCase();
  let problem: IdFacts['problem'];
  let birthDate: string | null = null;
  let gender: IdFacts['gender'] = null;

  if (idType === 'resident_id') {
    problem = idNumber.length < 18 && /^\d*$/.test(idNumber) ? 'incomplete' : residentIdProblem(idNumber);
    if (!problem) {
      birthDate = birthDateFromResidentId(idNumber);
      gender = genderFromResidentId(idNumber);
    }
  } else {
    problem = !idNumber ? 'incomplete' : OTHER_ID.test(idNumber) ? null : 'other_format';
    birthDate = /^\d{4}-\d{2}-\d{2}$/.test(birthDateInput) ? birthDateInput : null;
  }

  const age = birthDate ? ageOn(birthDate, today) : null;
  return { problem, birthDate, gender, age, minor: age !== null && age < 18, underFourteen: age !== null && age < 14 };
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Overlapping or back-to-front windows of the same weekday, by index, for inline messages. */
export function availabilityProblems(windows: Availability[]): Map<number, 'order' | 'overlap'> {
  const problems = new Map<number, 'order' | 'overlap'>();
  windows.forEach((w, i) => {
    if (!(w.from < w.to)) {
      problems.set(i, 'order');
      return;
    }
    const clash = windows.some(
      (other, j) => j !== i && other.weekday === w.weekday && other.from < other.to && other.from < w.to && w.from < other.to,
    );
    if (clash) problems.set(i, 'overlap');
  });
  return problems;
}

/** Consent documents and their versions; the privacy page shows the same version numbers. */
export const CONSENT_VERSIONS = {
  privacy_policy: '2026.1',
  sensitive_data: '2026.1',
  public_display: '2026.1',
  guardian: '2026.1',
} as const;
export type ConsentKind = keyof typeof CONSENT_VERSIONS;

const PHONE = /^1[3-9]\d{9}$/;

/** What the registration form holds (strings as typed; the body is built from it on submit). */
export type RegistrationDraft = {
  name: string;
  nameBo: string;
  idType: IdType;
  idNumber: string;
  birthDate: string;
  gender: '' | 'male' | 'female';
  phone: string;
  communityId: string;
  gridId: string;
  skills: Skill[];
  languages: SpokenLanguage[];
  availability: Availability[];
  guardianName: string;
  guardianPhone: string;
  guardianConsent: boolean;
  consents: Record<Exclude<ConsentKind, 'guardian'>, boolean>;
};

export type DraftField =
  | 'name'
  | 'nameBo'
  | 'idNumber'
  | 'birthDate'
  | 'phone'
  | 'communityId'
  | 'gridId'
  | 'languages'
  | 'availability'
  | 'guardianName'
  | 'guardianPhone'
  | 'guardianConsent'
  | 'privacyConsent'
  | 'sensitiveConsent';

/** Message keys under `volunteer.errors` of the catalogs. */
export type DraftProblem =
  | 'required'
  | 'tooLong'
  | 'phone'
  | 'id_format'
  | 'id_birth_date'
  | 'id_checksum'
  | 'id_other_format'
  | 'birthDateRequired'
  | 'birthDateFuture'
  | 'languagesRequired'
  | 'availability'
  | 'guardianNameRequired'
  | 'guardianPhone'
  | 'guardianConsentRequired'
  | 'consentRequired';

export function emptyDraft(initial: Partial<RegistrationDraft> = {}): RegistrationDraft {
  return {
    name: '',
    nameBo: '',
    idType: 'resident_id',
    idNumber: '',
    birthDate: '',
    gender: '',
    phone: '',
    communityId: '',
    gridId: '',
    skills: [],
    languages: [],
    availability: [],
    guardianName: '',
    guardianPhone: '',
    guardianConsent: false,
    consents: { privacy_policy: false, sensitive_data: false, public_display: false },
    ...initial,
  };
}

/** The ID's problem as a message key, or undefined (nothing said while the number is still being typed). */
export function idProblemKey(facts: IdFacts, { submitted }: { submitted: boolean }): DraftProblem | undefined {
  switch (facts.problem) {
    case null:
      return undefined;
    case 'incomplete':
      return submitted ? 'id_format' : undefined;
    case 'other_format':
      return 'id_other_format';
    case 'format':
      return 'id_format';
    case 'birth_date':
      return 'id_birth_date';
    case 'checksum':
      return 'id_checksum';
  }
}

/** The same checks as the server's schema, so that the form says everything at once and sends only good data. */
export function validateDraft(
  draft: RegistrationDraft,
  facts: IdFacts,
  today: Date = new Date(),
): Partial<Record<DraftField, DraftProblem>> {
  const errors: Partial<Record<DraftField, DraftProblem>> = {};
  if (!draft.name.trim()) errors.name = 'required';
  else if (draft.name.trim().length > 50) errors.name = 'tooLong';
  if (draft.nameBo.trim().length > 80) errors.nameBo = 'tooLong';
  const idProblem = draft.idNumber.trim() ? idProblemKey(facts, { submitted: true }) : 'required';
  if (idProblem) errors.idNumber = idProblem;
  if (draft.idType !== 'resident_id') {
    if (!facts.birthDate) errors.birthDate = 'birthDateRequired';
    else if (new Date(`${facts.birthDate}T00:00:00`) > today) errors.birthDate = 'birthDateFuture';
  }
  if (!PHONE.test(draft.phone.trim())) errors.phone = draft.phone.trim() ? 'phone' : 'required';
  if (!draft.communityId) errors.communityId = 'required';
  if (!draft.gridId) errors.gridId = 'required';
  if (draft.languages.length === 0) errors.languages = 'languagesRequired';
  if (availabilityProblems(draft.availability).size > 0) errors.availability = 'availability';
  if (facts.minor) {
    if (!draft.guardianName.trim()) errors.guardianName = 'guardianNameRequired';
    if (!PHONE.test(draft.guardianPhone.trim())) errors.guardianPhone = 'guardianPhone';
    if (!draft.guardianConsent) errors.guardianConsent = 'guardianConsentRequired';
  }
  if (!draft.consents.privacy_policy) errors.privacyConsent = 'consentRequired';
  if (!draft.consents.sensitive_data) errors.sensitiveConsent = 'consentRequired';
  return errors;
}

/** The `POST /volunteers` body; the guardian's consent time is when the box was ticked. */
export function buildRegistration(
  draft: RegistrationDraft,
  facts: IdFacts,
  { guardianConsentAt, forSelf }: { guardianConsentAt: string | null; forSelf?: boolean },
): VolunteerRegistration {
  const consents: VolunteerRegistration['consents'] = [
    { kind: 'privacy_policy', version: CONSENT_VERSIONS.privacy_policy },
    { kind: 'sensitive_data', version: CONSENT_VERSIONS.sensitive_data },
  ];
  if (draft.consents.public_display) consents.push({ kind: 'public_display', version: CONSENT_VERSIONS.public_display });
  const body: VolunteerRegistration = {
    name: draft.name.trim(),
    idType: draft.idType,
    idNumber: draft.idNumber.trim().toUpperCase(),
    phone: draft.phone.trim(),
    gridId: draft.gridId,
    skills: draft.skills,
    languages: draft.languages,
    availability: draft.availability,
    consents,
  };
  if (draft.nameBo.trim()) body.nameBo = draft.nameBo.trim();
  if (draft.idType !== 'resident_id') {
    if (facts.birthDate) body.birthDate = facts.birthDate;
    if (draft.gender) body.gender = draft.gender;
  }
  if (facts.minor && guardianConsentAt) {
    body.guardian = { name: draft.guardianName.trim(), phone: draft.guardianPhone.trim(), consentAt: guardianConsentAt };
    consents.push({ kind: 'guardian', version: CONSENT_VERSIONS.guardian });
  }
  if (forSelf !== undefined) body.forSelf = forSelf;
  return body;
}

/** Where a server field problem (`errors[].field`) belongs in the form. */
export function draftFieldOf(serverField: string): DraftField | null {
  const [head, sub] = serverField.split('.');
  switch (head) {
    case 'name':
    case 'nameBo':
    case 'idNumber':
    case 'birthDate':
    case 'phone':
    case 'gridId':
    case 'languages':
    case 'availability':
      return head;
    case 'idType':
      return 'idNumber';
    case 'guardian':
      return sub === 'phone' ? 'guardianPhone' : sub === 'name' ? 'guardianName' : 'guardianConsent';
    case 'consents':
      return 'privacyConsent';
    default:
      return null;
  }
}
