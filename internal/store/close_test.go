package store

import (
	"context"
	"testing"
)

// TestReadAfterClose: a reader still at work when the database closes
// (a background refresh) gets an error, not a crash; closing twice is
// harmless.
func TestReadAfterClose(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		if _, err := db.FindUnits(context.Background()); err == nil {
			t.Error("a read after Close succeeded")
		}
		if err := db.Close(); err != nil {
			t.Errorf("second Close: %v", err)
		}
	})
}
