// Respondents and what they sent: responses and declines.
import type { Decline, EndUser, SurveyResponse } from '../../common/api/records.js';
import type { Db } from './database.js';
import { bool, int, readJson, writeJson } from './json-columns.js';

interface RespondentRow {
  id: string;
  email: string | null;
  external_id: string | null;
  name: string | null;
  phone: string | null;
  properties: string;
  restricted: number;
  objected: number;
  created_at: string;
  updated_at: string;
}

interface ResponseRow {
  id: string;
  end_user_id: string;
  survey_type: SurveyResponse['survey_type'];
  score: number;
  text: string | null;
  origin_url: string | null;
  channel: SurveyResponse['channel'];
  product: string;
  company: string | null;
  country: string | null;
  language: string | null;
  tags: string;
  excluded: number;
  created_at: string;
  updated_at: string;
}

type DeclineRow = Decline;

const toRespondent = (r: RespondentRow): EndUser => ({
  ...r,
  properties: readJson<EndUser['properties']>(r.properties),
  restricted: bool(r.restricted),
  objected: bool(r.objected),
});

const toResponse = ({ excluded, tags, ...r }: ResponseRow): SurveyResponse => ({
  ...r,
  tags: readJson<string[]>(tags),
  excluded_from_calculations: bool(excluded),
});

const RESPONSE_COLUMNS =
  'id, end_user_id, survey_type, score, text, origin_url, channel, product, company, country, language, tags, excluded, created_at, updated_at';
const DECLINE_COLUMNS = 'id, end_user_id, survey_type, channel, product, origin_url, created_at';
const RESPONDENT_COLUMNS =
  'id, email, external_id, name, phone, properties, restricted, objected, created_at, updated_at';

export class RespondentRepo {
  readonly #insertRespondent;
  readonly #updateRespondent;
  readonly #respondent;
  readonly #byExternalId;
  readonly #byEmail;
  readonly #insertResponse;
  readonly #response;
  readonly #responseHash;
  readonly #responsesOf;
  readonly #insertDecline;
  readonly #decline;
  readonly #declineHash;
  readonly #declinesOf;
  readonly #deleteRespondent;
  readonly #countResponses;
  readonly #countDeclines;

  constructor(db: Db) {
    this.#insertRespondent = db.prepare<[RespondentRow]>(
      `INSERT INTO respondents (${RESPONDENT_COLUMNS}) VALUES (@id, @email, @external_id, @name, @phone, @properties, @restricted, @objected, @created_at, @updated_at)`,
    );
    this.#updateRespondent = db.prepare<[RespondentRow]>(
      `UPDATE respondents SET email = @email, external_id = @external_id, name = @name, phone = @phone, properties = @properties,
         restricted = @restricted, objected = @objected, updated_at = @updated_at WHERE id = @id`,
    );
    this.#respondent = db.prepare<[string], RespondentRow>(
      `SELECT ${RESPONDENT_COLUMNS} FROM respondents WHERE id = ?`,
    );
    this.#byExternalId = db.prepare<[string], RespondentRow>(
      `SELECT ${RESPONDENT_COLUMNS} FROM respondents WHERE external_id = ? ORDER BY created_at LIMIT 1`,
    );
    this.#byEmail = db.prepare<[string], RespondentRow>(
      `SELECT ${RESPONDENT_COLUMNS} FROM respondents WHERE lower(email) = lower(?) ORDER BY created_at LIMIT 1`,
    );
    this.#insertResponse = db.prepare<[ResponseRow & { ingest_hash: string | null }]>(
      `INSERT INTO responses (${RESPONSE_COLUMNS}, ingest_hash) VALUES (@id, @end_user_id, @survey_type, @score, @text,
         @origin_url, @channel, @product, @company, @country, @language, @tags, @excluded, @created_at, @updated_at, @ingest_hash)`,
    );
    this.#response = db.prepare<[string], ResponseRow>(`SELECT ${RESPONSE_COLUMNS} FROM responses WHERE id = ?`);
    this.#responseHash = db.prepare<[string], string | null>('SELECT ingest_hash FROM responses WHERE id = ?').pluck();
    this.#responsesOf = db.prepare<[string], ResponseRow>(
      `SELECT ${RESPONSE_COLUMNS} FROM responses WHERE end_user_id = ? ORDER BY created_at, id`,
    );
    this.#insertDecline = db.prepare<[DeclineRow & { ingest_hash: string | null }]>(
      `INSERT INTO declines (${DECLINE_COLUMNS}, ingest_hash) VALUES (@id, @end_user_id, @survey_type, @channel, @product, @origin_url, @created_at, @ingest_hash)`,
    );
    this.#decline = db.prepare<[string], DeclineRow>(`SELECT ${DECLINE_COLUMNS} FROM declines WHERE id = ?`);
    this.#declineHash = db.prepare<[string], string | null>('SELECT ingest_hash FROM declines WHERE id = ?').pluck();
    this.#declinesOf = db.prepare<[string], DeclineRow>(
      `SELECT ${DECLINE_COLUMNS} FROM declines WHERE end_user_id = ? ORDER BY created_at, id`,
    );
    this.#deleteRespondent = db.prepare<[string]>('DELETE FROM respondents WHERE id = ?');
    this.#countResponses = db.prepare<[string], number>('SELECT count(*) FROM responses WHERE end_user_id = ?').pluck();
    this.#countDeclines = db.prepare<[string], number>('SELECT count(*) FROM declines WHERE end_user_id = ?').pluck();
  }

  insertRespondent(r: EndUser): void {
    this.#insertRespondent.run(this.#respondentRow(r));
  }

  updateRespondent(r: EndUser): void {
    this.#updateRespondent.run(this.#respondentRow(r));
  }

  respondent(id: string): EndUser | null {
    const row = this.#respondent.get(id);
    return row ? toRespondent(row) : null;
  }

  /** The earliest respondent with this external id, or else this e-mail (any case). */
  match(externalId: string | null, email: string | null): EndUser | null {
    const row =
      (externalId === null ? undefined : this.#byExternalId.get(externalId)) ??
      (email === null ? undefined : this.#byEmail.get(email));
    return row ? toRespondent(row) : null;
  }

  insertResponse(r: SurveyResponse, ingestHash: string | null): void {
    const { excluded_from_calculations, tags, ...rest } = r;
    this.#insertResponse.run({
      ...rest,
      tags: writeJson(tags),
      excluded: int(excluded_from_calculations),
      ingest_hash: ingestHash,
    });
  }

  response(id: string): SurveyResponse | null {
    const row = this.#response.get(id);
    return row ? toResponse(row) : null;
  }

  /** undefined when there is no such response; null when it was not ingested with a body hash. */
  responseIngestHash(id: string): string | null | undefined {
    return this.#responseHash.get(id);
  }

  responsesOf(endUserId: string): SurveyResponse[] {
    return this.#responsesOf.all(endUserId).map(toResponse);
  }

  insertDecline(d: Decline, ingestHash: string | null): void {
    this.#insertDecline.run({ ...d, ingest_hash: ingestHash });
  }

  decline(id: string): Decline | null {
    return this.#decline.get(id) ?? null;
  }

  declineIngestHash(id: string): string | null | undefined {
    return this.#declineHash.get(id);
  }

  declinesOf(endUserId: string): Decline[] {
    return this.#declinesOf.all(endUserId);
  }

  /** Deletes the respondent and, by cascade, everything hanging off them. Returns what went. */
  deleteRespondent(id: string): { responses: number; declines: number } {
    const counts = { responses: this.#countResponses.get(id) ?? 0, declines: this.#countDeclines.get(id) ?? 0 };
    this.#deleteRespondent.run(id);
    return counts;
  }

  #respondentRow(r: EndUser): RespondentRow {
    return { ...r, properties: writeJson(r.properties), restricted: int(r.restricted), objected: int(r.objected) };
  }
}
