// A journal seen as plain JSON, as the merge of journals handles it: any top-level list whose
// items are objects with an `id` is a collection of records, known fields or not.
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export type JsonRecord = JsonObject & { id: string };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isRecordList(value: Json | undefined): value is JsonRecord[] {
  return Array.isArray(value) && value.every((item) => isObject(item) && typeof item.id === 'string');
}
