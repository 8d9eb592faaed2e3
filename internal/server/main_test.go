package server

import (
	"testing"

	"github.com/duban/duban/internal/store/storetest"
)

// TestMain stops the PostgreSQL test cluster when the tests are done.
func TestMain(m *testing.M) { storetest.Main(m) }
