package storetest

import (
	"context"
	"testing"

	"github.com/duban/duban/internal/store"
)

func TestMain(m *testing.M) { Main(m) }

// TestEach checks that Each opens one migrated database of every kind.
func TestEach(t *testing.T) {
	var seen []string
	Each(t, func(t *testing.T, db *store.DB) {
		seen = append(seen, db.Kind())
		v, err := db.SchemaVersion(context.Background())
		if err != nil || v != db.LatestSchemaVersion() {
			t.Errorf("%s: SchemaVersion = %d, %v; want %d", db.Kind(), v, err, db.LatestSchemaVersion())
		}
	})
	if len(seen) == 0 || seen[0] != "sqlite" {
		t.Errorf("kinds run: %v", seen)
	}
}
