package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	iofs "io/fs"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/docread"
	"github.com/duban/duban/internal/i18n"
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
	if len(args) == 0 {
		// No command is a usage error: a script that forgot its command
		// must not take the help for success.
		printHelp(stderr)
		return 2
	}
	if isHelp(args[0]) || args[0] == "help" {
		printHelp(stdout)
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintln(stderr, i18n.Lookup(i18n.Default, "cli.unknown_command", "name", args[0]))
		return 2
	}
	if err := cmd.run(ctx, env, args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		text, usage := flagErrorText(err)
		if !usage {
			text = errorText(err)
		}
		fmt.Fprintf(stderr, "duban %s: %s\n", args[0], text)
		if usage || errors.Is(err, errUsage) {
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
	// The flag package's own sentence for a wrong flag is English; Main
	// says it in the catalogue's words (flagErrorText), after the usage.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "用法: duban %s %s\n", name, usage)
		printFlags(env.Stderr, fs, func(string) bool { return true })
	}
	return fs
}

// valueNames are the words for a flag's kind of value, in the help.
var valueNames = map[string]string{"string": "值", "int": "数", "uint": "数", "float": "数", "duration": "时长", "value": "列表"}

// printFlags lists the flags of fs that show keeps, as flag.PrintDefaults
// does but in Chinese: each flag with the kind of value it takes, what it
// is for and its default.
func printFlags(w io.Writer, fs *flag.FlagSet, show func(string) bool) {
	fs.VisitAll(func(f *flag.Flag) {
		if !show(f.Name) {
			return
		}
		kind, usage := flag.UnquoteUsage(f)
		line := "  --" + f.Name
		if v, ok := valueNames[kind]; ok {
			line += " " + v
		} else if kind != "" {
			line += " " + kind
		}
		fmt.Fprintf(w, "%s\n    \t%s", line, strings.ReplaceAll(usage, "\n", "\n    \t"))
		if d := f.DefValue; d != "" && d != "false" && d != "0" && d != "0s" && d != "[]" {
			fmt.Fprintf(w, "（默认 %s）", d)
		}
		fmt.Fprintln(w)
	})
}

// isHelp reports whether an argument asks for help.
func isHelp(a string) bool { return a == "-h" || a == "--help" || a == "-help" }

// newConfigFlags makes the FlagSet of a command that reads the
// configuration through config.Load, which defines a flag for every
// configuration key. The command's help lists its own flags and only the
// configuration keys it reads (keys), so that `duban backup --help` does
// not list the ~35 flags of serve; the others are still accepted, so one
// configuration file or set of flags serves every command.
func newConfigFlags(env *Env, name, usage string, keys ...string) *flag.FlagSet {
	fs := newFlags(env, name, usage)
	shown := map[string]bool{"config": true}
	for _, k := range keys {
		shown[k] = true
	}
	isKey := map[string]bool{}
	for _, k := range config.Keys() {
		isKey[k[0]] = true
	}
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "用法: duban %s %s\n", name, usage)
		printFlags(env.Stderr, fs, func(n string) bool { return shown[n] || !isKey[n] })
	}
	return fs
}

// storeKeys are the configuration keys of the commands that only open the
// database.
var storeKeys = []string{"data", "db", "crypto", "data-key-file"}

// errorText is what a person reads of a command's failure: a document
// that cannot be read is named, with what to do about it, in the
// catalogue's words rather than as the chain of Go errors that led there.
func errorText(err error) string {
	var de *docread.Error
	if errors.As(err, &de) {
		key := "cli.file.unreadable"
		switch {
		case errors.Is(err, docread.ErrUnsupported):
			key = "cli.file.unsupported"
		case errors.Is(err, docread.ErrTooLarge):
			key = "cli.file.too_large"
		case errors.Is(err, docread.ErrDamaged):
			key = "cli.file.damaged"
		case errors.Is(err, iofs.ErrNotExist):
			key = "cli.file.not_found"
		}
		return i18n.Lookup(i18n.Default, key, "file", de.Name)
	}
	return strings.TrimSuffix(err.Error(), ": "+errUsage.Error())
}

// flagErrors match the flag package's errors, which it makes with
// fmt.Errorf and so can be told apart only by their words; each maps to
// the catalogue key saying it in Chinese.
var flagErrors = []struct {
	re  *regexp.Regexp
	key string
}{
	{regexp.MustCompile(`^flag provided but not defined: -+(\S+)$`), "cli.flag.unknown"},
	{regexp.MustCompile(`^flag needs an argument: -+(\S+)$`), "cli.flag.needs_value"},
	{regexp.MustCompile(`^invalid (?:boolean )?value "[^"]*" for (?:flag )?-+(\S+?):`), "cli.flag.invalid"},
	{regexp.MustCompile(`^bad flag syntax: (\S+)$`), "cli.flag.unknown"},
}

// flagErrorText says in Chinese what was wrong with a command's flags,
// and whether err was such an error (a usage error: exit 2).
func flagErrorText(err error) (string, bool) {
	for _, f := range flagErrors {
		if m := f.re.FindStringSubmatch(err.Error()); m != nil {
			return i18n.Lookup(i18n.Default, f.key, "flag", "--"+strings.TrimLeft(m[1], "-")), true
		}
	}
	return "", false
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
