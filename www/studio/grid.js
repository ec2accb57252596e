// The score grid's spreadsheet keys: arrows move between cells (left and right once the caret is
// at the edge of the text), Enter moves down (Shift+Enter up) and adds a row from the last one.
// Tab keeps its usual order.

function cellAt(grid, row, column) {
  return grid.querySelector(`input[data-row="${row}"][data-col="${column}"]`);
}

/** Handles a keydown in a grid cell; `addRow()` adds a criterion and returns whether it did. */
export function gridKeydown(event, grid, addRow) {
  const cell = event.target;
  if (!(cell instanceof HTMLInputElement) || cell.dataset.row === undefined) return;
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const row = Number(cell.dataset.row);
  const column = Number(cell.dataset.col);
  const atStart = cell.selectionStart === 0 && cell.selectionEnd === 0;
  const atEnd = cell.selectionStart === cell.value.length && cell.selectionEnd === cell.value.length;
  let target = null;
  switch (event.key) {
    case 'ArrowUp':
      target = cellAt(grid, row - 1, column);
      break;
    case 'ArrowDown':
      target = cellAt(grid, row + 1, column);
      break;
    case 'ArrowLeft':
      if (atStart) target = cellAt(grid, row, column - 1);
      else return;
      break;
    case 'ArrowRight':
      if (atEnd) target = cellAt(grid, row, column + 1);
      else return;
      break;
    case 'Enter':
      event.preventDefault();
      if (event.shiftKey) {
        target = cellAt(grid, row - 1, column);
      } else {
        target = cellAt(grid, row + 1, column);
        if (!target && addRow()) target = cellAt(document, row + 1, column);
      }
      break;
    default:
      return;
  }
  event.preventDefault();
  if (target) {
    target.focus();
    target.select();
  }
}
