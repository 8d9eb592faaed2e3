package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/cryptosuite"
	"github.com/duban/duban/internal/i18n"
	"golang.org/x/text/width"
)

// ErrCryptoMismatch is returned, wrapped, by Open when the database was
// begun with another crypto suite than the one configured.
var ErrCryptoMismatch = errors.New("store: crypto suite mismatch")

// settleCrypto chooses the suite the store works with. The database
// records the suite it was begun with (migration 0021); a database with no
// record yet is given the configured one, in the writers' turn so that two
// processes starting together agree. A database begun with the other suite
// is refused: its chain and its encrypted columns hold only under the
// suite that wrote them. With opts.AdoptCrypto the recorded suite is taken
// whatever is configured, without its key: the audit commands need only
// the chain's hash.
func (db *DB) settleCrypto(ctx context.Context, opts Options) error {
	recorded, check, err := db.recordedCrypto(ctx, opts)
	if err != nil {
		return err
	}
	want := opts.Crypto
	if want == "" {
		want = cryptosuite.NameDefault
	}
	// A database that records no suite and is being migrated gets one
	// below, even under AdoptCrypto, so that nothing is ever hashed under
	// a suite the database does not record.
	if opts.AdoptCrypto && (recorded != "" || opts.SkipMigrate) {
		if recorded == "" {
			recorded = want
		}
		s, err := cryptosuite.New(recorded, nil)
		if err != nil {
			return fmt.Errorf("store: %w", err)
		}
		db.useSuite(s)
		return nil
	}
	if recorded != "" && recorded != want {
		return fmt.Errorf("%w: %s (the database was begun with crypto suite %q, the configuration says %q)", ErrCryptoMismatch,
			i18n.Lookup(i18n.Default, "store.crypto_mismatch", "recorded", recorded, "configured", want), recorded, want)
	}
	var key []byte
	if want == cryptosuite.NameGM {
		if opts.DataKeyFile == "" {
			return fmt.Errorf("store: %s (crypto gm needs data_key_file): %w", i18n.Lookup(i18n.Default, "store.crypto_no_key"), ErrInvalid)
		}
		if key, err = cryptosuite.ReadKeyFile(opts.DataKeyFile); err != nil {
			return fmt.Errorf("store: %w", err)
		}
	}
	s, err := cryptosuite.New(want, key)
	if err != nil {
		return fmt.Errorf("store: %w: %w", err, ErrInvalid)
	}
	switch {
	case recorded == "" && !opts.SkipMigrate:
		if err := db.recordCrypto(ctx, want, keyCheck(s)); err != nil {
			return err
		}
	case recorded != "" && check != keyCheck(s):
		return fmt.Errorf("%w: %s (the data key is not the one the database was begun with)",
			ErrCryptoMismatch, i18n.Lookup(i18n.Default, "store.crypto_key_mismatch", "file", opts.DataKeyFile))
	}
	db.useSuite(s)
	return nil
}

func (db *DB) useSuite(s cryptosuite.Suite) {
	db.suite, db.chain = s, audit.Chain{Hash: s.NewHash}
}

// recordedCrypto reads the suite the database records; "" when it records
// none yet. A database opened as it is (SkipMigrate) from before migration
// 0021 was begun with the default.
func (db *DB) recordedCrypto(ctx context.Context, opts Options) (name, check string, err error) {
	ok, err := db.hasTable(ctx, "crypto_suite")
	if err != nil {
		return "", "", err
	}
	if !ok {
		if !opts.SkipMigrate {
			return "", "", fmt.Errorf("store: crypto suite: the table is missing after migration")
		}
		// Opened as it is, from before migration 0021 (or not set up
		// at all): as the migration will say, a database that holds
		// audit entries was begun with the default, and one that holds
		// none was begun with nothing yet.
		if ok, err := db.hasTable(ctx, "audit_head"); err != nil || !ok {
			return "", "", err
		}
		var seq int64
		if err := db.read.QueryRowContext(ctx, `SELECT seq FROM audit_head WHERE id = 1`).Scan(&seq); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return "", "", fmt.Errorf("store: crypto suite: %w", err)
		}
		if seq > 0 {
			return cryptosuite.NameDefault, "", nil
		}
		return "", "", nil
	}
	err = db.read.QueryRowContext(ctx, `SELECT name, key_check FROM crypto_suite WHERE id = 1`).Scan(&name, &check)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil
	}
	if err != nil {
		return "", "", fmt.Errorf("store: crypto suite: %w", err)
	}
	return name, check, nil
}

// keyCheck is what crypto_suite.key_check holds for s's key: its index
// of a fixed text ("" under the default, which has no key).
func keyCheck(s cryptosuite.Suite) string { return s.Index("key_check", "duban data key") }

func (db *DB) recordCrypto(ctx context.Context, name, check string) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: record crypto suite: %w", err)
	}
	defer tx.Rollback()
	var have, haveCheck string
	err = tx.QueryRowContext(ctx, `SELECT name, key_check FROM crypto_suite WHERE id = 1`).Scan(&have, &haveCheck)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`INSERT INTO crypto_suite (id, name, key_check) VALUES (1, ?, ?)`), name, check); err != nil {
			return fmt.Errorf("store: record crypto suite: %w", err)
		}
	case err != nil:
		return fmt.Errorf("store: record crypto suite: %w", err)
	case have != name || haveCheck != check:
		// Another process began the database first, with the other suite
		// or another key.
		return fmt.Errorf("%w: %s (the database was begun with %q by another process)", ErrCryptoMismatch,
			i18n.Lookup(i18n.Default, "store.crypto_mismatch", "recorded", have, "configured", name), have)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: record crypto suite: %w", err)
	}
	if name != cryptosuite.NameDefault {
		db.log.Info("crypto suite recorded", "suite", name)
	}
	return nil
}

// CryptoSuite names the suite the store works with, as the database
// records it: "default" or "gm".
func (db *DB) CryptoSuite() string { return db.suite.Name() }

// sealer seals or opens several personal columns in a row, keeping the
// first error, so that a row's columns read as one statement.
type sealer struct {
	s   cryptosuite.Suite
	err error
}

// seal returns what column field stores for v.
func (c *sealer) seal(field, v string) string {
	out, err := c.s.Seal(field, v)
	if err != nil && c.err == nil {
		c.err = fmt.Errorf("store: seal %s: %w", field, err)
	}
	return out
}

// open sets *v to the plain value of what column field stored in it.
func (c *sealer) open(field string, v *string) {
	out, err := c.s.Open(field, *v)
	if err != nil && c.err == nil {
		c.err = fmt.Errorf("store: open %s: %w", field, err)
	}
	*v = out
}

// lookupKey is how a phone number or an ID number is compared: digits and
// letters only, full-width folded, letters upper-case, so that
// "138 0013-8000" and "１３８００１３８０００" find the same caller.
func lookupKey(v string) string {
	var b strings.Builder
	for _, r := range width.Fold.String(v) {
		if unicode.IsDigit(r) || unicode.IsLetter(r) {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// index is the keyed digest stored beside column field for value v.
func (db *DB) index(field, v string) string { return db.suite.Index(field, lookupKey(v)) }
