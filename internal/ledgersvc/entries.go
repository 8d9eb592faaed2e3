package ledgersvc

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
)

// The task list as the API gives it is read from entries kept for each
// task (migration 0040): the JSON of its TaskEntry, which changes only
// when the task does, next to which each read writes the TaskState of the
// day. An entry is built the first time a task is listed after a change
// (or by FillEntries) and kept until the next change clears it.

// entryShape names the form of an entry: a digest of TaskEntry's fields,
// their types and tags, and of entryVersion, so that entries a duban of
// another version kept are built again rather than served in the wrong
// form.
var entryShape = shapeOf(reflect.TypeOf(TaskEntry{}))

// entryVersion is moved whenever what an entry holds changes without
// TaskEntry's fields changing (entryOf's logic, a MarshalJSON).
const entryVersion = 1

func shapeOf(t reflect.Type) string {
	var b strings.Builder
	var walk func(t reflect.Type, depth int)
	walk = func(t reflect.Type, depth int) {
		b.WriteString(t.String())
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || depth > 4 || t.PkgPath() == "time" {
			return
		}
		b.WriteByte('{')
		for i := range t.NumField() {
			f := t.Field(i)
			b.WriteString(f.Name + " " + string(f.Tag) + " ")
			walk(f.Type, depth+1)
			b.WriteByte(';')
		}
		b.WriteByte('}')
	}
	walk(t, 0)
	b.WriteString(" v" + strconv.Itoa(entryVersion))
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:6])
}

// PageInfo tells of a page AppendPageJSON wrote: how many tasks match
// in all, and the cursor of the next page ("" on the last).
type PageInfo struct {
	Total      int
	NextCursor string
}

// AppendPageJSON is Page as JSON: it appends to dst the array of the
// page's tasks, as Task marshals them (the state's members, then the
// entry's), read
// from their entries; the entries that were missing are built, and kept
// for the next read. Appending lets the caller write the page into a
// buffer of its own, around what it adds, in one piece.
func (s *Service) AppendPageJSON(ctx context.Context, dst []byte, p authz.Principal, f records.TaskFilter) ([]byte, PageInfo, error) {
	if !authz.Allowed(p, authz.TaskRead) {
		return dst, PageInfo{}, ErrForbidden
	}
	s.Scope(p, &f)
	listing, err := s.Store.FindTaskListing(ctx, f, entryShape)
	if err != nil {
		if errors.Is(err, fault.ErrInvalid) {
			return dst, PageInfo{}, fault.New(fault.Invalid, "error.cursor_invalid")
		}
		return dst, PageInfo{}, err
	}
	today := s.Today()
	dueSoon := s.dueSoonLimit(today)
	size := 2
	for _, it := range listing.Items {
		size += len(it.Entry) + 200
	}
	b := slices.Grow(dst, size)
	b = append(b, '[')
	var built []records.TaskEntry
	for i, it := range listing.Items {
		entry := it.Entry
		if entry == "" {
			e, err := json.Marshal(entryOf(it.Task))
			if err != nil {
				return dst, PageInfo{}, fmt.Errorf("ledger: task %d entry: %w", it.ID, err)
			}
			entry = string(e)
			built = append(built, records.TaskEntry{ID: it.ID, Rev: it.Rev, Entry: entry})
		}
		if i > 0 {
			b = append(b, ',')
		}
		b = appendState(b, stateOf(it.Status, it.NextDue, it.Percent, today, dueSoon))
		b = append(b, entry[1:]...) // the entry's members and its closing brace
	}
	b = append(b, ']')
	if len(built) > 0 {
		s.keepEntries(built)
	}
	return b, PageInfo{Total: listing.Total, NextCursor: listing.NextCursor}, nil
}

// keepEntries stores entries a read built, behind the read: a list never
// waits for the writer (an import may hold it for seconds). One keeping
// runs at a time; the entries of a read that finds one running are built
// again by a later read, or by FillEntries.
func (s *Service) keepEntries(built []records.TaskEntry) {
	if !s.keeping.TryLock() {
		return
	}
	go func() {
		defer s.keeping.Unlock()
		ctx, cancel := context.WithTimeout(context.Background(), keepTimeout)
		defer cancel()
		if _, err := s.Store.SaveTaskEntries(ctx, entryShape, built); err != nil {
			// No harm: the entries are built again when next read.
			slog.Debug("keeping task list entries", "err", err)
		}
	}()
}

// keepTimeout bounds a keeping behind a read.
const keepTimeout = 10 * time.Second

// FillEntries builds the entries of every task that has none of the
// current shape, a batch at a time, and returns how many it kept: after
// an import or an upgrade, so that the first lists read need not.
func (s *Service) FillEntries(ctx context.Context) (int, error) {
	const batch = 500
	kept := 0
	for after := int64(0); ; {
		tasks, err := s.Store.TasksWithoutEntry(ctx, entryShape, after, batch)
		if err != nil || len(tasks) == 0 {
			return kept, err
		}
		entries := make([]records.TaskEntry, len(tasks))
		for i, it := range tasks {
			e, err := json.Marshal(entryOf(it.Task))
			if err != nil {
				return kept, fmt.Errorf("ledger: task %d entry: %w", it.ID, err)
			}
			entries[i] = records.TaskEntry{ID: it.ID, Rev: it.Rev, Entry: string(e)}
			after = it.ID
		}
		n, err := s.Store.SaveTaskEntries(ctx, entryShape, entries)
		kept += n
		if err != nil {
			return kept, err
		}
	}
}

// appendState appends "{" and st's members, each followed by a comma, as
// encoding/json writes them (TestStateJSON holds the two together).
func appendState(b []byte, st TaskState) []byte {
	b = append(b, `{"status":`...)
	b = appendString(b, st.Status)
	b = append(b, `,"next_due":`...)
	b = appendString(b, st.NextDue)
	if st.Percent != nil {
		b = append(b, `,"percent":`...)
		b = appendFloat(b, *st.Percent)
	}
	b = append(b, `,"workflow":`...)
	b = appendString(b, st.Workflow)
	b = append(b, `,"ledger_status":`...)
	b = appendString(b, st.LedgerStatus)
	b = append(b, `,"status_label":`...)
	b = appendString(b, st.StatusLabel)
	b = append(b, `,"light":`...)
	b = appendString(b, st.Light)
	return append(b, ',')
}

// appendString appends s as a JSON string: as it is between quotes when
// it is printable ASCII that needs no escaping (the states, the dates),
// else as encoding/json quotes it, remembered for the few such strings
// that come back on every line (the Chinese labels).
func appendString(b []byte, s string) []byte {
	plain := true
	for i := 0; plain && i < len(s); i++ {
		c := s[i]
		plain = c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	if plain {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"')
	}
	if q, ok := quotedStrings.Load(s); ok {
		return append(b, q.(string)...)
	}
	q, _ := json.Marshal(s)
	if quotedCount.Add(1) <= quotedMax {
		quotedStrings.Store(s, string(q))
	}
	return append(b, q...)
}

// quotedStrings remembers up to quotedMax strings as JSON.
var (
	quotedStrings sync.Map
	quotedCount   atomic.Int32
)

const quotedMax = 64

// appendFloat appends f as encoding/json does.
func appendFloat(b []byte, f float64) []byte {
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) || math.IsNaN(f) || math.IsInf(f, 0) {
		q, err := json.Marshal(f)
		if err != nil {
			return append(b, "null"...)
		}
		return append(b, q...)
	}
	return strconv.AppendFloat(b, f, 'f', -1, 64)
}
