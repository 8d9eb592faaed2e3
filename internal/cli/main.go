package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"time"
)

// command is one subcommand: its one-line help and the function that runs it.
type command struct {
	summary string
	run     func(ctx context.Context, env *Env, args []string) error
}

// Env is what a subcommand may touch of the outside world. Tests pass
// buffers; the binary passes the process's own streams.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Now is the clock the commands run on; nil is the wall clock. Tests
	// set a fixed day, so that what depends on today (the demo's dates,
	// supervise's "today") follows it.
	Now func() time.Time
}

// now is the environment's clock.
func (e *Env) now() func() time.Time {
	if e.Now == nil {
		return time.Now
	}
	return e.Now
}

// commands is filled by each subcommand's file in its init function, so
// that adding a subcommand touches one file only.
var commands = map[string]command{}

func register(name, summary string, run func(context.Context, *Env, []string) error) {
	commands[name] = command{summary: summary, run: run}
}

// errUsage marks an error whose message is a usage hint; Main exits 2 for it.
var errUsage = errors.New("usage")

// Main runs one duban subcommand and returns the process exit code:
// 0 on success, 1 on failure, 2 on a usage error.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := &Env{Stdin: stdin, Stdout: stdout, Stderr: stderr}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printHelp(stdout)
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "duban: 未知命令 %q (unknown command); 运行 duban help 查看全部命令\n", args[0])
		return 2
	}
	if err := cmd.run(ctx, env, args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "duban %s: %v\n", args[0], err)
		if errors.Is(err, errUsage) {
			return 2
		}
		return 1
	}
	return 0
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "duban — 督办: 实施方案的任务清单、台账、督查与考核")
	fmt.Fprintln(w, "\n用法: duban <命令> [参数]\n\n命令:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
}

// newFlags makes a FlagSet that reports errors instead of exiting and
// prints its usage to the command's stderr.
func newFlags(env *Env, name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "用法: duban %s %s\n", name, usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseInterspersed parses flags that may stand before or after the
// positional arguments (`duban parse FILE --json` and `duban parse --json FILE`).
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
