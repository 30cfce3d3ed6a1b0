-- After V21 encrypted every ID number, the plain column goes; the keyed hash takes over its uniqueness.
DROP INDEX ux_persons_id_number ON persons;
ALTER TABLE persons DROP COLUMN id_number;
ALTER TABLE persons MODIFY COLUMN id_hash CHAR(64) NOT NULL;
ALTER TABLE persons MODIFY COLUMN id_cipher VARCHAR(100) NOT NULL;
CREATE UNIQUE INDEX ux_persons_id_hash ON persons (id_hash);
