import {
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** The size assumed for a list whose `first` is absent and has no default (the schema's own page size). */
export const DEFAULT_LIST_SIZE = 20;

/**
 * Lists that may nest inside `__schema` / `__type`: three, the shape of the standard
 * introspection query (types → fields → args). More would walk the schema's cycles
 * (`fields { type { fields { type … } } }`) and multiply the work at each turn.
 */
export const MAX_INTROSPECTION_LIST_NESTING = 3;

/** What the gateway measures of an operation before planning it. */
export interface OperationShape {
  /** Deepest nesting of fields; introspection (`__schema`, `__type`) is bounded separately. */
  depth: number;
  /** Aliased fields in the document. */
  aliases: number;
  /**
   * Estimated cost: every field counts 1, multiplied by the size of each list it sits in —
   * the list's `first` argument (variables resolved), its default, else DEFAULT_LIST_SIZE. The
   * page of a connection (`edges`, `nodes`) is counted once, by the connection's `first`.
   */
  cost: number;
  /** Deepest nesting of list fields inside introspection. */
  introspectionListNesting: number;
}

interface Measure {
  depth: number;
  cost: number;
  introspectionLists: number;
}

const NOTHING: Measure = { depth: 0, cost: 0, introspectionLists: 0 };

/**
 * Measures one operation of a validated document against the schema it was validated with.
 * Every fragment is measured once per situation and remembered, so that fragments spread many
 * times (a "fragment bomb": each level spreading the next ten times) cost linear time here,
 * however large the expansion they describe; that expansion shows up in `cost`.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): OperationShape {
  const root = schema.getRootType(operation.operation);
  const measured = new OperationMeasurer(schema, document, operation, variables ?? {}).selectionSet(
    operation.selectionSet,
    root ?? undefined,
    false,
    false,
  );
  return {
    depth: measured.depth,
    cost: measured.cost,
    introspectionListNesting: measured.introspectionLists,
    aliases: countAliases(document),
  };
}

/** Aliased fields anywhere in the document (each written alias counts once). */
export function countAliases(document: DocumentNode): number {
  let aliases = 0;
  visit(document, {
    [Kind.FIELD]: (node) => {
      if (node.alias) aliases += 1;
    },
  });
  return aliases;
}

class OperationMeasurer {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly variableDefaults = new Map<string, unknown>();
  private readonly remembered = new Map<string, Measure>();
  private readonly entered = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    private readonly variables: Record<string, unknown>,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
    for (const definition of operation.variableDefinitions ?? []) {
      if (definition.defaultValue?.kind === Kind.INT) {
        this.variableDefaults.set(definition.variable.name.value, Number(definition.defaultValue.value));
      }
    }
  }

  /**
   * `bounded`: the parent is a connection whose `first` already counted its page, so a list
   * without `first` here (`edges`, `nodes`) is that page and does not multiply again.
   * `introspection`: inside `__schema` / `__type`, where only list nesting is measured.
   */
  selectionSet(
    set: SelectionSetNode,
    type: GraphQLCompositeType | undefined,
    bounded: boolean,
    introspection: boolean,
  ): Measure {
    let depth = 0;
    let cost = 0;
    let introspectionLists = 0;
    for (const selection of set.selections) {
      let measure: Measure;
      if (selection.kind === Kind.FIELD) {
        measure = this.field(selection, type, bounded, introspection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const narrowed = selection.typeCondition ? this.compositeType(selection.typeCondition.name.value) : type;
        measure = this.selectionSet(selection.selectionSet, narrowed, bounded, introspection);
      } else {
        measure = this.fragment(selection.name.value, bounded, introspection);
      }
      depth = Math.max(depth, measure.depth);
      cost += measure.cost;
      introspectionLists = Math.max(introspectionLists, measure.introspectionLists);
    }
    return { depth, cost, introspectionLists };
  }

  private fragment(name: string, bounded: boolean, introspection: boolean): Measure {
    const key = `${name}\u0000${bounded}\u0000${introspection}`;
    const known = this.remembered.get(key);
    if (known) return known;
    const definition = this.fragments.get(name);
    // Unknown fragments and cycles never pass validation; measure them as nothing regardless.
    if (!definition || this.entered.has(key)) return NOTHING;
    this.entered.add(key);
    const measure = this.selectionSet(
      definition.selectionSet,
      this.compositeType(definition.typeCondition.name.value),
      bounded,
      introspection,
    );
    this.entered.delete(key);
    this.remembered.set(key, measure);
    return measure;
  }

  private field(
    node: FieldNode,
    parent: GraphQLCompositeType | undefined,
    bounded: boolean,
    introspection: boolean,
  ): Measure {
    const name = node.name.value;
    const definition = this.fieldDefinition(parent, name);
    const inIntrospection = introspection || name === '__schema' || name === '__type';
    const isList = definition ? isListType(getNullableType(definition.type)) : false;
    const first = definition?.args.find((argument) => argument.name === 'first');
    const namedType = definition ? getNamedType(definition.type) : undefined;
    const child = node.selectionSet
      ? this.selectionSet(
          node.selectionSet,
          isCompositeType(namedType) ? namedType : undefined,
          // A connection's `first` counts its page; a plain list's `first` counts its own items.
          Boolean(first) && !isList,
          inIntrospection,
        )
      : NOTHING;
    if (inIntrospection) {
      return { depth: 0, cost: 0, introspectionLists: child.introspectionLists + (isList ? 1 : 0) };
    }
    const multiplier = first ? this.pageSize(node, first) : isList && !bounded ? DEFAULT_LIST_SIZE : 1;
    return {
      depth: 1 + child.depth,
      cost: 1 + multiplier * child.cost,
      introspectionLists: child.introspectionLists,
    };
  }

  /** The `first` a list field will be asked for: literal, variable, variable default, argument default. */
  private pageSize(node: FieldNode, argument: GraphQLArgument): number {
    const given = node.arguments?.find((candidate) => candidate.name.value === 'first')?.value;
    let value: unknown;
    if (given?.kind === Kind.INT) value = Number(given.value);
    else if (given?.kind === Kind.VARIABLE) {
      const name = given.name.value;
      value = this.variables[name] ?? this.variableDefaults.get(name);
    }
    if (value === undefined || value === null) value = argument.defaultValue;
    return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : DEFAULT_LIST_SIZE;
  }

  private fieldDefinition(
    parent: GraphQLCompositeType | undefined,
    name: string,
  ): GraphQLField<unknown, unknown> | undefined {
    if (name === '__typename') return TypeNameMetaFieldDef;
    if (parent && parent === this.schema.getQueryType()) {
      if (name === '__schema') return SchemaMetaFieldDef;
      if (name === '__type') return TypeMetaFieldDef;
    }
    if (isObjectType(parent) || isInterfaceType(parent)) return parent.getFields()[name];
    return undefined;
  }

  private compositeType(name: string): GraphQLCompositeType | undefined {
    const type = this.schema.getType(name);
    return isCompositeType(type) ? type : undefined;
  }
}
