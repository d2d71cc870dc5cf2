import { BoardView } from '../features/board/board-view';

export function BoardPage() {
  return <BoardView />;
}
