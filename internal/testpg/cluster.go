package testpg

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"syscall"
	"time"
)

// cluster is a PostgreSQL cluster in a temporary folder, reachable only
// through a unix socket in that folder: no TCP port, so parallel test
// binaries and CI jobs cannot collide.
type cluster struct {
	dir    string
	cmd    *exec.Cmd
	exited chan error // receives the server's exit, once
	dsn    string
}

// clusterUser is the cluster's superuser; tests connect as it, with trust
// authentication, which the socket's folder permissions make safe.
const clusterUser = "duban"

// binDir finds the PostgreSQL server programs: PostgreSQL 15, which the
// project supports first, or else the newest Debian-installed version.
func binDir() (string, error) {
	if d := os.Getenv("PGBIN"); d != "" {
		return d, nil
	}
	if _, err := os.Stat("/usr/lib/postgresql/15/bin/initdb"); err == nil {
		return "/usr/lib/postgresql/15/bin", nil
	}
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	sort.Slice(found, func(i, j int) bool { return version(found[i]) > version(found[j]) })
	if len(found) > 0 {
		return filepath.Dir(found[0]), nil
	}
	return "", errors.New("no initdb in /usr/lib/postgresql/*/bin (set PGBIN to the folder holding initdb and postgres)")
}

func version(initdb string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(initdb))))
	return v
}

// startCluster creates and starts a cluster.
func startCluster() (*cluster, error) {
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp(clusterBase(), "duban-pg-")
	if err != nil {
		return nil, fmt.Errorf("temp folder: %w", err)
	}
	c := &cluster{dir: dir}
	attr, err := c.procAttr()
	if err != nil {
		c.stop()
		return nil, err
	}

	data := filepath.Join(dir, "data")
	initdb := exec.Command(filepath.Join(bin, "initdb"), "-D", data, "-U", clusterUser,
		"--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync", "--no-instructions")
	initdb.SysProcAttr = attr
	if out, err := initdb.CombinedOutput(); err != nil {
		c.stop()
		return nil, fmt.Errorf("initdb: %w %s", err, bytes.TrimSpace(out))
	}

	logf, err := os.Create(filepath.Join(dir, "postgres.log"))
	if err != nil {
		c.stop()
		return nil, fmt.Errorf("server log: %w", err)
	}
	defer logf.Close()
	// The server is started directly rather than through pg_ctl so that it
	// stays our child, which procAttr asks the kernel to kill if the test
	// binary dies (a panic, a -timeout, a kill) instead of leaving it
	// running. Durability settings are off: the cluster is thrown away.
	c.cmd = exec.Command(filepath.Join(bin, "postgres"), "-D", data, "-k", dir,
		"-c", "listen_addresses=", "-c", "fsync=off", "-c", "synchronous_commit=off",
		"-c", "full_page_writes=off", "-c", "max_connections=60", "-c", "shared_buffers=32MB")
	c.cmd.Stdout, c.cmd.Stderr = logf, logf
	c.cmd.SysProcAttr = attr
	if err := c.cmd.Start(); err != nil {
		c.cmd = nil
		c.stop()
		return nil, fmt.Errorf("start postgres: %w", err)
	}
	c.exited = make(chan error, 1)
	go func() { c.exited <- c.cmd.Wait() }()

	c.dsn = (&url.URL{Scheme: "postgres", User: url.User(clusterUser), Path: "/postgres",
		RawQuery: url.Values{"host": {dir}, "sslmode": {"disable"}}.Encode()}).String()
	if err := c.waitReady(); err != nil {
		c.stop()
		return nil, err
	}
	return c, nil
}

// waitReady polls until the server accepts connections, giving up early if
// it exits and showing its log then.
func (c *cluster) waitReady() error {
	db, err := sql.Open("pgx", c.dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	// The wall clock: how long a real postgres process takes to start.
	deadline := time.Now().Add(60 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		err := db.PingContext(ctx)
		cancel()
		if err == nil {
			return nil
		}
		select {
		case werr := <-c.exited:
			c.cmd = nil
			log, _ := os.ReadFile(filepath.Join(c.dir, "postgres.log"))
			return fmt.Errorf("postgres exited (%v):\n%s", werr, log)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("postgres not ready after 60s: %w", err)
		}
	}
}

// stop ends the server at once (nothing in it is worth a clean shutdown)
// and removes its folder.
func (c *cluster) stop() {
	if c.cmd != nil && c.cmd.Process != nil {
		c.cmd.Process.Signal(syscall.SIGQUIT) // immediate shutdown
		select {
		case <-c.exited:
		case <-time.After(10 * time.Second):
			c.cmd.Process.Kill()
			<-c.exited
		}
	}
	os.RemoveAll(c.dir)
}
