//go:build !linux

package testpg

import (
	"errors"
	"os"
	"syscall"
)

func clusterBase() string { return os.TempDir() }

// procAttr refuses: the throwaway cluster relies on Linux's parent-death
// signal so that it never outlives the tests. Elsewhere, point the tests
// at a server with DUBAN_TEST_PG_DSN.
func (c *cluster) procAttr() (*syscall.SysProcAttr, error) {
	return nil, errors.New("the throwaway PostgreSQL cluster needs Linux; set " + EnvDSN + " to use a server")
}
