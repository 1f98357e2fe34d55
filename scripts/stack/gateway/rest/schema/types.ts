/** The schema cache's shapes, apart from the loader so relationship derivation can use them without a cycle. */

export interface Column {
  name: string;
  /** format_type() with typmod: used in json_to_recordset column definitions. */
  type: string;
  nullable: boolean;
  /**
   * Default expression as PostgREST's schema cache has it (for Prefer: missing=default): the
   * column's, an identity's nextval, else its domain's; none for generated columns.
   */
  default: string | null;
  generated: boolean;
}

export interface Relation {
  schema: string;
  name: string;
  kind: 'table' | 'view';
  columns: Map<string, Column>;
  columnList: Column[];
  pk: string[];
  uniques: string[][];
  /** Computed fields: functions taking this relation's row type, by name → the qualified call. */
  computed: Map<string, string>;
}

/** A function taking a row type and returning a relation's rows: an embeddable relationship. */
export interface ComputedRel {
  /** Function name, which is also the embed name. */
  name: string;
  table: string;
  target: string;
  /** Schema-qualified function, ready to be called with the parent row. */
  call: string;
  /** Not set-returning, or declared `rows 1`. */
  toOne: boolean;
}

export interface ForeignKey {
  name: string;
  table: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
}

export interface RoutineParam {
  name: string;
  type: string;
  hasDefault: boolean;
  /** A VARIADIC parameter: its type is the array type, called with `VARIADIC name := …`. */
  variadic?: boolean;
}

export interface Routine {
  schema: string;
  name: string;
  /** Input parameters in declaration order (IN/INOUT/VARIADIC). */
  params: RoutineParam[];
  volatility: 'volatile' | 'stable' | 'immutable';
  returnsSet: boolean;
  returnKind: 'void' | 'scalar' | 'composite';
  returnType: string;
  /** Output columns of a composite/TABLE result; filters and select work on them. */
  columns: Map<string, Column>;
  columnList: Column[];
  /** The table whose row type the function returns, so embedding works on its result. */
  returnTable: string | null;
}

export interface SchemaCache {
  schema: string;
  relations: Map<string, Relation>;
  foreignKeys: ForeignKey[];
  relationships: Map<string, Relationship[]>;
  computedRels: ComputedRel[];
  routines: Map<string, Routine[]>;
  /** Roles the login role may switch to (its memberships). */
  roles: Set<string>;
  /** Every role name, to tell "does not exist" from "not allowed". */
  allRoles: Set<string>;
  /** Per-role statement_timeout / lock_timeout etc., applied as PostgREST applies role settings. */
  roleSettings: Map<string, Array<[string, string]>>;
  /**
   * PostgREST's in-database configuration: the login role's `pgrst.*` settings (`ALTER ROLE
   * authenticator [IN DATABASE …] SET pgrst.db_aggregates_enabled = 'true'`), keyed without the prefix.
   */
  dbSettings: Map<string, string>;
  loadedAt: number;
}

/**
 * A way to embed `target` under `source`, derived from foreign keys as PostgREST's schema cache
 * does: many-to-one (FK on source), one-to-many (FK on target), one-to-one (FK columns unique),
 * many-to-many through a junction whose primary key holds both FKs, and the same through views
 * whose columns come from the FK's columns (view column lineage).
 */
export interface Relationship {
  cardinality: 'many-to-one' | 'one-to-many' | 'one-to-one' | 'many-to-many';
  source: string;
  target: string;
  /** FK constraint (m2o/o2m/o2o) or junction table name (m2m): what `rel!<hint>` may name. */
  name: string;
  /** Pairs of (source column, target column) joined with `=`; empty for m2m. */
  pairs: Array<[string, string]>;
  junction?: {
    table: string;
    /** (junction column, source column) and (junction column, target column). */
    sourcePairs: Array<[string, string]>;
    targetPairs: Array<[string, string]>;
    fk1: string;
    fk2: string;
  };
  toOne: boolean;
  /** Source and target are the same table (a self-reference through one FK). */
  isSelf: boolean;
  sourceIsView: boolean;
  targetIsView: boolean;
  /** One-to-one seen from the referenced side (PostgREST's isParent). */
  isParent?: boolean;
}

/** Where a view's column comes from: the base table and column (followed through views). */
export type ViewLineage = Map<string, Map<string, { table: string; column: string }>>;
