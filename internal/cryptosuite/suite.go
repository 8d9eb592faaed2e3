package cryptosuite

import (
	"crypto/sha256"
	"fmt"
	"hash"
)

// Names of the suites, as configured (`crypto:`) and as a database records
// them.
const (
	NameDefault = "default"
	NameGM      = "gm"
)

// Suite is a choice of algorithms for the chain and for data at rest.
type Suite interface {
	// Name is what the database records: NameDefault or NameGM.
	Name() string
	// NewHash makes the hash the audit chain uses.
	NewHash() hash.Hash
	// Encrypts reports whether Seal changes what it is given; when it
	// does not, the store searches the column itself, not an index.
	Encrypts() bool
	// Seal turns a personal value into what is stored in column field.
	// The field is bound into the ciphertext, so that a value moved to
	// another column no longer opens. "" stays "".
	Seal(field, plain string) (string, error)
	// Open turns a stored value of column field back into the plain one.
	Open(field, stored string) (string, error)
	// Index is a keyed digest of a value for looking it up by equality
	// in column field without decrypting every row; "" when the suite
	// does not encrypt (and for "").
	Index(field, value string) string
}

// ErrNoKey is returned by a suite opened without its data key (to verify
// the audit chain only) when asked to seal or open personal data.
var ErrNoKey = fmt.Errorf("cryptosuite: no data key: configure data_key_file (未配置数据密钥 data_key_file)")

// Default is duban's suite when nothing else is configured.
func Default() Suite { return plain{} }

type plain struct{}

func (plain) Name() string                     { return NameDefault }
func (plain) NewHash() hash.Hash               { return sha256.New() }
func (plain) Encrypts() bool                   { return false }
func (plain) Seal(_, s string) (string, error) { return s, nil }
func (plain) Open(_, s string) (string, error) { return s, nil }
func (plain) Index(_, _ string) string         { return "" }

// New returns the suite named (NameDefault, "" or NameGM) with its data key;
// the default takes none. A GM suite with a nil key can hash but not
// seal or open: verifying the audit chain needs no key.
func New(name string, key []byte) (Suite, error) {
	switch name {
	case "", NameDefault:
		return Default(), nil
	case NameGM:
		return newGM(key)
	}
	return nil, fmt.Errorf("cryptosuite: unknown suite %q (want %q or %q)", name, NameDefault, NameGM)
}

// Must returns the named suite without a key, for its hash alone; it
// panics on an unknown name, so it is for constant names only.
func Must(name string) Suite {
	s, err := New(name, nil)
	if err != nil {
		panic(err)
	}
	return s
}
