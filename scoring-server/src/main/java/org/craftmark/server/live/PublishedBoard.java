package org.craftmark.server.live;

import org.craftmark.server.results.BoardRow;

import java.util.List;

/** A leaderboard as last published to screens, in order, with the seq of the frame that left it there. */
public record PublishedBoard(long seq, List<BoardRow> rows) {
}
