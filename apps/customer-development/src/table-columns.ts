// How DataTable (components/list) reads its columns: the props and slots of each DataColumn
// in its default slot, without rendering them.
import { camelize, Fragment, isVNode, type Slot, type VNode, type VNodeArrayChildren } from 'vue'
import DataColumn from './components/list/DataColumn.vue'

/** A DataColumn as DataTable reads it from its slot. */
export interface Column {
  label: string
  width: number
  fixedRight: boolean
  cell?: Slot
  header?: Slot
}

// el-table's width of a column that gives none.
const DEFAULT_WIDTH = 80

function columnOf(node: VNode): Column {
  // Template props arrive as written (`min-width` or `minWidth`).
  const props: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node.props ?? {})) props[camelize(key)] = value
  const slots = (node.children ?? {}) as { default?: Slot; header?: Slot }
  const width = Number(props.minWidth)
  return {
    label: typeof props.label === 'string' ? props.label : '',
    width: width > 0 ? width : DEFAULT_WIDTH,
    fixedRight: props.fixed === 'right',
    cell: slots.default,
    header: slots.header,
  }
}

/**
 * The DataColumns of a slot's nodes in declaration order, through the fragments of `v-for`,
 * `v-if` and forwarded `<slot />`s (comments and anything else are skipped). DataTable reads
 * them on each render instead of mounting a component per column.
 */
export function columnsOf(nodes: VNodeArrayChildren, into: Column[] = []): Column[] {
  for (const node of nodes) {
    if (Array.isArray(node)) columnsOf(node, into)
    else if (!isVNode(node)) continue
    else if (node.type === DataColumn) into.push(columnOf(node))
    else if (node.type === Fragment && Array.isArray(node.children)) columnsOf(node.children, into)
  }
  return into
}
