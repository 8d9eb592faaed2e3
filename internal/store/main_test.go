package store

import (
	"testing"

	"github.com/duban/duban/internal/testpg"
)

// TestMain stops the throwaway PostgreSQL cluster, if a test started one,
// once every test has run.
func TestMain(m *testing.M) { testpg.Main(m) }
