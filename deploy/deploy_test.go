// Package deploy holds the packaging duban ships — the systemd unit and
// the HAProxy configuration for several instances here, the Dockerfile
// and the Makefile's release target at the root — and the tests that
// check them.
package deploy

import (
	"bufio"
	"bytes"
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

const root = ".."

const ldflags = "-s -w"

// build compiles cmd/duban for goarch (linux) as `make build` and `make
// release` do: no cgo, -trimpath.
func build(t *testing.T, goarch string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "duban")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags="+ldflags, "-o", out, "./cmd/duban")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS=linux", "GOARCH="+goarch)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("GOARCH=%s go build: %v\n%s", goarch, err, msg)
	}
	return out
}

// verifyUnit runs systemd-analyze verify on the unit text with ExecStart's
// binary at bin, and returns what it said: verify exits 0 on an unknown
// key and only warns, so any word it says is a finding.
func verifyUnit(t *testing.T, unit, bin string) (string, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "duban.service")
	if err := os.WriteFile(path, []byte(strings.ReplaceAll(unit, "/usr/local/bin/duban", bin)), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("/usr/bin/systemd-analyze", "verify", path)
	out, err := cmd.CombinedOutput()
	return strings.TrimSpace(string(out)), err
}

// TestSystemdUnitVerifies: deploy/duban.service passes systemd-analyze
// verify without a word, with ExecStart on a freshly built duban; the
// same unit with a misspelt key does not (so silence means something).
// It also keeps the hardening the README promises.
func TestSystemdUnitVerifies(t *testing.T) {
	if _, err := os.Stat("/usr/bin/systemd-analyze"); err != nil {
		t.Fatalf("systemd-analyze is needed to check the unit: %v", err)
	}
	data, err := os.ReadFile("duban.service")
	if err != nil {
		t.Fatal(err)
	}
	unit := string(data)
	for _, line := range []string{"ExecStart=/usr/local/bin/duban serve", "DynamicUser=yes", "StateDirectory=duban",
		"Environment=DUBAN_DATA=/var/lib/duban", "ProtectSystem=strict", "NoNewPrivileges=yes", "ProtectHome=yes",
		"PrivateTmp=yes", "CapabilityBoundingSet=", "SystemCallFilter=@system-service", "WantedBy=multi-user.target"} {
		if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(line) + `$`).MatchString(unit) {
			t.Errorf("the unit lacks %q", line)
		}
	}
	bin := build(t, runtimeArch(t))
	if out, err := verifyUnit(t, unit, bin); err != nil || out != "" {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
	bad := strings.Replace(unit, "NoNewPrivileges=yes", "NoNewPrivilege=yes", 1)
	if out, _ := verifyUnit(t, bad, bin); !strings.Contains(out, "NoNewPrivilege") {
		t.Errorf("verify said nothing of a misspelt key: %q", out)
	}
	if out, err := verifyUnit(t, unit, filepath.Join(t.TempDir(), "missing")); err == nil && out == "" {
		t.Errorf("verify accepted an ExecStart binary that does not exist")
	}
}

// runtimeArch is the Go arch of the machine the tests run on.
func runtimeArch(t *testing.T) string {
	out, err := exec.Command("go", "env", "GOARCH").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}

// TestCrossBuildLoong64: duban builds for LoongArch (龙芯) as a static
// binary, with no ELF interpreter (so no glibc to match on Kylin or UOS).
// One cross-build only, to keep CI short; `make release` builds all three
// the same way (TestReleaseTarget).
func TestCrossBuildLoong64(t *testing.T) {
	bin := build(t, "loong64")
	f, err := elf.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if f.Machine != elf.EM_LOONGARCH {
		t.Errorf("machine %v, want LoongArch", f.Machine)
	}
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP || p.Type == elf.PT_DYNAMIC {
			t.Errorf("the binary is dynamically linked (%v)", p.Type)
		}
	}
}

// TestReleaseTarget: `make release` (dry run) cross-builds amd64, arm64
// and loong64 with the static, reproducible flags and sums them.
func TestReleaseTarget(t *testing.T) {
	cmd := exec.Command("make", "-n", "release", "VERSION=v9.9.9")
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("make -n release: %v\n%s", err, out)
	}
	s := string(out)
	for _, want := range []string{"CGO_ENABLED=0", "-trimpath", `-ldflags="-s -w -X github.com/duban/duban/internal/buildinfo.Stamp=v9.9.9"`,
		"amd64 arm64 loong64", "dist/duban-v9.9.9-linux-$arch", "sha256sum duban-* > SHA256SUMS"} {
		if !strings.Contains(s, want) {
			t.Errorf("make release lacks %q:\n%s", want, s)
		}
	}
}

// stage is one FROM of a Dockerfile with its instructions.
type stage struct {
	from, name string
	lines      []string
}

func dockerStages(t *testing.T) []stage {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	var stages []stage
	var cur strings.Builder
	sc := bufio.NewScanner(bytes.NewReader(data))
	flush := func() {
		line := strings.TrimSpace(cur.String())
		cur.Reset()
		if line == "" {
			return
		}
		f := strings.Fields(line)
		if strings.EqualFold(f[0], "FROM") {
			s := stage{from: f[1]}
			if len(f) == 4 && strings.EqualFold(f[2], "AS") {
				s.name = f[3]
			}
			stages = append(stages, s)
			return
		}
		if len(stages) > 0 {
			stages[len(stages)-1].lines = append(stages[len(stages)-1].lines, line)
		}
	}
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		if l, ok := strings.CutSuffix(line, `\`); ok {
			cur.WriteString(l + " ")
			continue
		}
		cur.WriteString(line)
		flush()
	}
	flush()
	return stages
}

// has reports whether a stage has an instruction starting with prefix.
func (s stage) has(prefix string) string {
	for _, l := range s.lines {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	return ""
}

// TestDockerfileStages: two stages — a Go toolchain at least go.mod's
// building the static binary as `make build` does, then a distroless
// static image with that binary only, a non-root user, the data folder a
// volume, the listening port exposed and matching DUBAN_ADDR.
func TestDockerfileStages(t *testing.T) {
	st := dockerStages(t)
	if len(st) != 2 {
		t.Fatalf("%d stages, want build and final: %+v", len(st), st)
	}
	b, f := st[0], st[1]
	if b.name != "build" || !strings.HasPrefix(b.from, "golang:") {
		t.Errorf("build stage FROM %s AS %s", b.from, b.name)
	}
	mod, _ := os.ReadFile(filepath.Join(root, "go.mod"))
	need := regexp.MustCompile(`(?m)^go (\d+)\.(\d+)`).FindStringSubmatch(string(mod))
	arg := regexp.MustCompile(`(?m)^ARG GO_VERSION=(\d+)\.(\d+)`).FindStringSubmatch(string(must(os.ReadFile(filepath.Join(root, "Dockerfile")))))
	if need == nil || arg == nil || b.from != "golang:${GO_VERSION}" || atoi(arg[1])*100+atoi(arg[2]) < atoi(need[1])*100+atoi(need[2]) {
		t.Errorf("the build stage's Go (%v, FROM %s) is older than go.mod's %v", arg, b.from, need)
	}
	run := b.has("RUN CGO_ENABLED=0 go build")
	for _, want := range []string{"-trimpath", `-ldflags="-s -w -X github.com/duban/duban/internal/buildinfo.Stamp=${VERSION}"`, "./cmd/duban"} {
		if !strings.Contains(run, want) {
			t.Errorf("the build lacks %q: %q", want, run)
		}
	}
	if f.from != "gcr.io/distroless/static-debian12:nonroot" && f.from != "scratch" {
		t.Errorf("final stage FROM %s: want distroless static or scratch", f.from)
	}
	if !strings.HasPrefix(f.has("COPY --from=build /out/duban"), "COPY --from=build /out/duban /usr/local/bin/duban") {
		t.Errorf("the final stage does not copy the built binary")
	}
	if u := f.has("USER "); u == "" || strings.HasPrefix(u, "USER 0") || strings.HasPrefix(u, "USER root") {
		t.Errorf("final stage user %q: want a non-root one", u)
	}
	if f.has(`VOLUME ["/var/lib/duban"]`) == "" || !strings.Contains(f.has("ENV "), "DUBAN_DATA=/var/lib/duban") {
		t.Errorf("the data folder is not the volume: %q %q", f.has("VOLUME"), f.has("ENV "))
	}
	if f.has("EXPOSE 8080") == "" || !strings.Contains(f.has("ENV "), "DUBAN_ADDR=0.0.0.0:8080") {
		t.Errorf("the exposed port and DUBAN_ADDR differ: %q %q", f.has("EXPOSE"), f.has("ENV "))
	}
	if f.has(`ENTRYPOINT ["/usr/local/bin/duban"]`) == "" || f.has(`CMD ["serve"]`) == "" {
		t.Errorf("the image does not start duban serve")
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
