package store

import (
	"errors"

	"github.com/duban/duban/internal/fault"
)

// ErrNotFound is returned, wrapped, when the row asked for does not exist.
// Callers test it with errors.Is; a lookup never answers nil, nil.
var ErrNotFound = fault.ErrNotFound

// ErrSchemaTooNew is returned, wrapped, by Open when the database was
// migrated by a newer duban than this one. Running on it could corrupt data
// the old code does not understand, so the only safe move is to upgrade.
var ErrSchemaTooNew = errors.New("store: database schema is newer than this duban")

// ErrInvalid is returned, wrapped, when a value handed to the store cannot
// be stored as given (a malformed date, a checksum of the wrong shape).
var ErrInvalid = fault.ErrInvalid

// ErrNotEmpty is returned, wrapped, by Restore when the target already
// holds a database: a restore never overwrites data.
var ErrNotEmpty = errors.New("store: the target database is not empty")
