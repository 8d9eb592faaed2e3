package testpg

import (
	"fmt"
	"os"
	"os/user"
	"strconv"
	"syscall"
)

// clusterBase is the folder the cluster's folder is made in. Memory
// (/dev/shm) creates a database per test about ten times faster than a
// disk, when it has room: Docker's default /dev/shm is 64 MB, too small.
// A unix socket path is limited to about 100 bytes, so a long TMPDIR is
// passed over too.
func clusterBase() string {
	var st syscall.Statfs_t
	if err := syscall.Statfs("/dev/shm", &st); err == nil && st.Bavail*uint64(st.Bsize) >= 2<<30 {
		if f, err := os.CreateTemp("/dev/shm", "duban-pg-probe-"); err == nil {
			f.Close()
			os.Remove(f.Name())
			return "/dev/shm"
		}
	}
	if base := os.TempDir(); len(base) <= 60 {
		return base
	}
	return "/tmp"
}

// procAttr says how initdb and the server run. PostgreSQL refuses to run
// as root, so under root (CI containers) they run as the postgres user,
// which the Debian package creates, and own the cluster's folder. The
// server is killed with the test binary (Go sets the parent-death signal
// after changing the user, which would otherwise clear it).
func (c *cluster) procAttr() (*syscall.SysProcAttr, error) {
	attr := &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if os.Geteuid() != 0 {
		return attr, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("running as root needs the postgres user to run the server: %w", err)
	}
	uid, _ := strconv.ParseUint(u.Uid, 10, 32)
	gid, _ := strconv.ParseUint(u.Gid, 10, 32)
	if err := os.Chown(c.dir, int(uid), int(gid)); err != nil {
		return nil, fmt.Errorf("chown %s: %w", c.dir, err)
	}
	attr.Credential = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
	return attr, nil
}
