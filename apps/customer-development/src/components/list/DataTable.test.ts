import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { Fragment, h } from 'vue'
import DataColumn from './DataColumn.vue'
import DataTable from './DataTable.vue'

interface Row {
  id: string
  name: string
}

const ROWS: Row[] = [
  { id: 'a', name: 'Alpha' },
  { id: 'b', name: 'Beta' },
  { id: 'c', name: 'Gamma' },
]

// Columns as templates declare them: kebab-case props, a `v-for` (a fragment), a `v-if` that is
// false (a comment) and a header slot.
function columns(showExtra = false) {
  return [
    h(
      DataColumn,
      { label: 'Name', 'min-width': 120 },
      { default: ({ row }: { row: Row }) => row.name }
    ),
    h(Fragment, [
      h(
        DataColumn,
        { label: 'Id', minWidth: '90' },
        { default: ({ row }: { row: Row }) => row.id }
      ),
    ]),
    showExtra ? h(DataColumn, { label: 'Extra' }) : null,
    h(
      DataColumn,
      { fixed: 'right', 'min-width': 140 },
      {
        header: () => h('em', { 'data-testid': 'custom-header' }, 'Actions'),
        default: ({ row }: { row: Row }) => h('button', { type: 'button' }, `Open ${row.name}`),
      }
    ),
  ]
}

function mountTable(props: Record<string, unknown> = {}) {
  return mount(DataTable, {
    props: {
      data: ROWS,
      emptyText: 'Nothing here',
      selectable: true,
      selectLabel: (row: Row) => `Select ${row.name}`,
      selectAllLabel: 'Select all',
      ...props,
    },
    slots: { default: () => columns() },
    attachTo: document.body,
  })
}

function checkbox(wrapper: ReturnType<typeof mountTable>, name: string): HTMLInputElement {
  return wrapper.get<HTMLInputElement>(`input[type="checkbox"][aria-label="${name}"]`).element
}

function selections(wrapper: ReturnType<typeof mountTable>): string[][] {
  return (wrapper.emitted('selection') ?? []).map(([rows]) => (rows as Row[]).map((r) => r.id))
}

describe('DataTable columns', () => {
  it('shows the columns in declaration order, with labels, header slots and scope="col"', () => {
    const wrapper = mountTable()
    const headers = wrapper.findAll('thead th')
    expect(headers.map((th) => th.text())).toEqual(['', 'Name', 'Id', 'Actions'])
    expect(headers.every((th) => th.attributes('scope') === 'col')).toBe(true)
    expect(wrapper.find('[data-testid="custom-header"]').exists()).toBe(true)
    const cells = wrapper.findAll('tbody tr')[1]?.findAll('td')
    expect(cells?.map((td) => td.text())).toEqual(['', 'Beta', 'b', 'Open Beta'])
    // The widths el-table gave: 44 px for the checkboxes, 80 px for a column without one.
    const widths = wrapper.findAll('col').map((col) => col.attributes('style'))
    expect(widths).toEqual(['width: 44px;', 'width: 120px;', 'width: 90px;', 'width: 140px;'])
    wrapper.unmount()
  })

  it('puts a column that a condition turns on at its declared place', () => {
    const extra = mount(DataTable, {
      props: { data: ROWS },
      slots: { default: () => columns(true) },
    })
    expect(extra.findAll('thead th').map((th) => th.text())).toEqual([
      'Name',
      'Id',
      'Extra',
      'Actions',
    ])
    expect(extra.findAll('col')[2]?.attributes('style')).toBe('width: 80px;')
    extra.unmount()
  })

  it('keeps the fixed="right" column in view: its header and cells are the sticky ones', () => {
    const wrapper = mountTable()
    const sticky = wrapper.findAll('.pc-cd-data-table__cell--fixed-right')
    // One header and one cell per row, all in the last column.
    expect(sticky).toHaveLength(1 + ROWS.length)
    expect(
      sticky.every((cell) => cell.element === cell.element.parentElement?.lastElementChild)
    ).toBe(true)
    wrapper.unmount()
  })

  it('says the empty text instead of rows, and only then', async () => {
    const wrapper = mountTable({ data: [] })
    expect(wrapper.findAll('tbody tr')).toHaveLength(0)
    expect(wrapper.text()).toContain('Nothing here')
    expect(checkbox(wrapper, 'Select all').disabled).toBe(true)
    await wrapper.setProps({ data: ROWS })
    expect(wrapper.findAll('tbody tr')).toHaveLength(3)
    expect(wrapper.text()).not.toContain('Nothing here')
    wrapper.unmount()
  })

  it('is aria-busy while loading and gives rows their classes', async () => {
    const wrapper = mountTable({
      loading: true,
      rowClass: (row: Row) => (row.id === 'b' ? 'marked' : undefined),
    })
    expect(wrapper.attributes('aria-busy')).toBe('true')
    const marked = wrapper.findAll('tbody tr.marked')
    expect(marked.map((tr) => tr.findAll('td')[1]?.text())).toEqual(['Beta'])
    await wrapper.setProps({ loading: false })
    expect(wrapper.attributes('aria-busy')).toBe('false')
    wrapper.unmount()
  })
})

describe('DataTable selection', () => {
  it('checks rows by their named checkboxes; the header shows some as indeterminate', async () => {
    const wrapper = mountTable()
    await wrapper.get('input[aria-label="Select Beta"]').setValue(true)
    expect(selections(wrapper)).toEqual([['b']])
    const all = checkbox(wrapper, 'Select all')
    expect(all.indeterminate).toBe(true)
    expect(all.checked).toBe(false)
    await wrapper.get('input[aria-label="Select Alpha"]').setValue(true)
    // Emitted in the rows' order, whatever the order of the clicks.
    expect(selections(wrapper).at(-1)).toEqual(['a', 'b'])
    await wrapper.get('input[aria-label="Select Beta"]').setValue(false)
    expect(selections(wrapper).at(-1)).toEqual(['a'])
    wrapper.unmount()
  })

  it('selects every row from the header checkbox and none on a second click', async () => {
    const wrapper = mountTable()
    await wrapper.get('input[aria-label="Select all"]').setValue(true)
    expect(selections(wrapper)).toEqual([['a', 'b', 'c']])
    expect(checkbox(wrapper, 'Select all').checked).toBe(true)
    expect(checkbox(wrapper, 'Select all').indeterminate).toBe(false)
    expect(ROWS.every((row) => checkbox(wrapper, `Select ${row.name}`).checked)).toBe(true)
    await wrapper.get('input[aria-label="Select all"]').setValue(false)
    expect(selections(wrapper).at(-1)).toEqual([])
    expect(ROWS.some((row) => checkbox(wrapper, `Select ${row.name}`).checked)).toBe(false)
    wrapper.unmount()
  })

  it('clears the checkboxes on clearSelection()', async () => {
    const wrapper = mountTable()
    await wrapper.get('input[aria-label="Select all"]').setValue(true)
    ;(wrapper.vm as unknown as { clearSelection: () => void }).clearSelection()
    await wrapper.vm.$nextTick()
    expect(selections(wrapper).at(-1)).toEqual([])
    expect(checkbox(wrapper, 'Select all').checked).toBe(false)
    expect(checkbox(wrapper, 'Select Alpha').checked).toBe(false)
    wrapper.unmount()
  })

  it('keeps only the checks of rows still present when the rows change', async () => {
    const wrapper = mountTable()
    await wrapper.get('input[aria-label="Select Alpha"]').setValue(true)
    await wrapper.get('input[aria-label="Select Gamma"]').setValue(true)
    // A reload: Alpha is gone, Gamma comes back as a new object, Delta is new.
    const reloaded = [
      { id: 'c', name: 'Gamma' },
      { id: 'd', name: 'Delta' },
    ]
    await wrapper.setProps({ data: reloaded })
    const last = wrapper.emitted('selection')?.at(-1)?.[0] as Row[]
    expect(last).toEqual([reloaded[0]])
    expect(last[0]).toBe(reloaded[0])
    expect(checkbox(wrapper, 'Select Gamma').checked).toBe(true)
    expect(checkbox(wrapper, 'Select Delta').checked).toBe(false)
    expect(checkbox(wrapper, 'Select all').indeterminate).toBe(true)
    wrapper.unmount()
  })

  it('has no checkbox column unless selectable', () => {
    const wrapper = mountTable({ selectable: false })
    expect(wrapper.find('input[type="checkbox"]').exists()).toBe(false)
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual(['Name', 'Id', 'Actions'])
    wrapper.unmount()
  })
})
