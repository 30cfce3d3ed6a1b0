-- A counter per event, moved in the same transaction as every change a mark is checked against:
-- the event's lock, its seats, its entries and their competitors, its contest's status. A mark
-- group reads it with the event row it locks anyway; a node's cached copy of that state is current
-- exactly while the counter has not moved, on this node or any other sharing the database.
ALTER TABLE events ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
