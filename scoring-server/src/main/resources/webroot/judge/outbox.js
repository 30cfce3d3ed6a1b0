// The tablet's durable record of every mark its judges entered: IndexedDB (or localStorage where
// IndexedDB cannot open). A mark is written here, and the write has completed, before it is ever
// sent; it stays "pending" until the server's ack says ACCEPTED, DUPLICATE or REJECTED. Marks are
// never deleted by the app, so a judge can always see what they entered on this tablet.
//
// A mark: {clientMarkId, userId, username, deviceId, eventId, entryId, bib, criterion, value, text,
//          createdAt, state: 'pending'|'accepted'|'rejected', ackStatus, markId, version, error, ackedAt}

const DB_NAME = 'craftmark-judge';
const DB_VERSION = 1;
const STORE = 'marks';
const FALLBACK_KEY = 'craftmark.judge.outbox';

/** Opens the outbox: IndexedDB when it works, else localStorage. Answers {kind, all, get, put}. */
export async function openOutbox() {
  try {
    return await openIndexedDb();
  } catch (error) {
    console.warn('IndexedDB unavailable, keeping marks in localStorage:', error && error.message);
    return openLocalStorage();
  }
}

function memoryOutbox(kind, marks, write) {
  return {
    kind,
    /** Every mark, oldest first. */
    all() {
      return [...marks.values()].sort((a, b) => a.createdAt - b.createdAt);
    },
    get(clientMarkId) {
      return marks.get(clientMarkId);
    },
    /** Stores the mark durably; resolves only once it is written (rejects when it could not be). */
    async put(mark) {
      const copy = { ...mark };
      await write(copy);
      marks.set(copy.clientMarkId, copy);
      return copy;
    },
  };
}

function openIndexedDb() {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('no indexedDB'));
      return;
    }
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(STORE)) {
        const store = db.createObjectStore(STORE, { keyPath: 'clientMarkId' });
        store.createIndex('userId', 'userId');
      }
    };
    request.onerror = () => reject(request.error || new Error('indexedDB.open failed'));
    request.onblocked = () => reject(new Error('indexedDB.open blocked'));
    request.onsuccess = () => {
      const db = request.result;
      const read = db.transaction(STORE, 'readonly').objectStore(STORE).getAll();
      read.onerror = () => reject(read.error);
      read.onsuccess = () => {
        const marks = new Map(read.result.map((m) => [m.clientMarkId, m]));
        resolve(memoryOutbox('indexedDB', marks, (mark) => new Promise((done, fail) => {
          let tx;
          try {
            // 'strict': the commit has reached the disk before oncomplete, as far as the browser can tell.
            tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
          } catch (error) {
            fail(error);
            return;
          }
          tx.objectStore(STORE).put(mark);
          tx.oncomplete = () => done();
          tx.onerror = () => fail(tx.error || new Error('write failed'));
          tx.onabort = () => fail(tx.error || new Error('write aborted'));
        })));
      };
    };
  });
}

function openLocalStorage() {
  let stored = [];
  try {
    stored = JSON.parse(localStorage.getItem(FALLBACK_KEY) || '[]');
  } catch {
    stored = [];
  }
  const marks = new Map(stored.map((m) => [m.clientMarkId, m]));
  return memoryOutbox('localStorage', marks, async (mark) => {
    const next = new Map(marks);
    next.set(mark.clientMarkId, mark);
    localStorage.setItem(FALLBACK_KEY, JSON.stringify([...next.values()])); // throws when full
  });
}
