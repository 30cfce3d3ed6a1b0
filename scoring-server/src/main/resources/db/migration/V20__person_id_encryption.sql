-- ID numbers (身份证号) are kept encrypted at rest: id_cipher holds the AES-GCM ciphertext, id_hash a
-- keyed hash (HMAC-SHA256) that makes them unique and searchable without decrypting. V21 (a Java
-- migration: it needs the key) fills both for existing rows; V22 drops the plain column.
ALTER TABLE persons ADD COLUMN id_hash CHAR(64) NULL;
ALTER TABLE persons ADD COLUMN id_cipher VARCHAR(100) NULL;
