package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"path"
	"sort"
	"strings"
)

// Lang is a language tag duban has a catalogue for.
type Lang string

// The languages duban speaks. ZhCN is the source and the default.
const (
	ZhCN Lang = "zh-CN"
	ZhTW Lang = "zh-TW"
)

// Default is the language used when a request does not say, or asks for
// one duban does not have.
const Default = ZhCN

// Langs lists the supported languages in the order a language switch shows
// them.
var Langs = []Lang{ZhCN, ZhTW}

//go:embed locales/*.json
var localeFS embed.FS

// catalogs maps each language to its messages. It is filled once at init
// from the embedded files and only read afterwards, so lookups need no lock.
var catalogs = mustLoad()

func mustLoad() map[Lang]map[string]string {
	c, err := load()
	if err != nil {
		// The files are embedded in the binary: a bad one is a build
		// defect that the package tests catch, never a runtime condition.
		panic(err)
	}
	return c
}

func load() (map[Lang]map[string]string, error) {
	out := make(map[Lang]map[string]string, len(Langs))
	for _, l := range Langs {
		name := path.Join("locales", string(l)+".json")
		b, err := localeFS.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("i18n: reading %s: %w", name, err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("i18n: parsing %s: %w", name, err)
		}
		out[l] = m
	}
	return out, nil
}

// Parse returns the supported language s names, matched case-insensitively
// ("zh-tw", "zh_TW"), and false if duban has no catalogue for it.
func Parse(s string) (Lang, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), "_", "-")
	for _, l := range Langs {
		if strings.EqualFold(s, string(l)) {
			return l, true
		}
	}
	return "", false
}

// Has reports whether key is in the source catalogue. Code that takes a key
// from outside (a flash cookie) checks it, so only catalogue text is shown.
func Has(key string) bool {
	_, ok := catalogs[Default][key]
	return ok
}

// Keys returns every key of lang's catalogue, sorted.
func Keys(lang Lang) []string {
	m := catalogs[lang]
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Lookup returns the message for key in lang with its {name} placeholders
// filled from args, which are name/value pairs. An unknown language falls
// back to Default and an unknown key yields the key itself, so a missing
// message shows up on the page instead of as an empty space; the tests see
// that no key is missing.
func Lookup(lang Lang, key string, args ...any) string {
	m, ok := catalogs[lang]
	if !ok {
		m = catalogs[Default]
	}
	msg, ok := m[key]
	if !ok {
		msg, ok = catalogs[Default][key]
		if !ok {
			return key
		}
	}
	if len(args) == 0 || !strings.Contains(msg, "{") {
		return msg
	}
	return fill(msg, args)
}

// fill replaces each {name} in msg with the value paired with name in args.
// A placeholder without a value is left as written, which makes the slip
// visible without breaking the sentence.
func fill(msg string, args []any) string {
	var b strings.Builder
	b.Grow(len(msg) + 16)
	for {
		open := strings.IndexByte(msg, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(msg[open:], '}')
		if end < 0 {
			break
		}
		end += open
		b.WriteString(msg[:open])
		if v, ok := arg(args, msg[open+1:end]); ok {
			b.WriteString(v)
		} else {
			b.WriteString(msg[open : end+1])
		}
		msg = msg[end+1:]
	}
	b.WriteString(msg)
	return b.String()
}

func arg(args []any, name string) (string, bool) {
	for i := 0; i+1 < len(args); i += 2 {
		if n, _ := args[i].(string); n == name {
			return fmt.Sprint(args[i+1]), true
		}
	}
	return "", false
}

// Placeholders returns the names of the {name} placeholders in msg, in the
// order they appear. The tests use it to keep translations in step.
func Placeholders(msg string) []string {
	var names []string
	for {
		open := strings.IndexByte(msg, '{')
		if open < 0 {
			return names
		}
		end := strings.IndexByte(msg[open:], '}')
		if end < 0 {
			return names
		}
		names = append(names, msg[open+1:open+end])
		msg = msg[open+end+1:]
	}
}
