package report

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestWriteLedger100k exports 100,000 rows and checks that the heap stays
// far below what holding the rows would take: the sheet XML alone is about
// 66 MB, and excelize's non-streaming API would hold every cell as a struct
// (several hundred MB). The bound allows the 16 MiB stream buffer, the
// finished zip (about 5 MB) and GC slack.
func TestWriteLedger100k(t *testing.T) {
	if testing.Short() {
		t.Skip("100,000 rows: skipped in -short")
	}
	t.Parallel()
	const n = 100_000
	const heapBound = 128 << 20

	runtime.GC()
	var peak atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var ms runtime.MemStats
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	start := time.Now()
	var buf bytes.Buffer
	err := WriteLedger(&buf, LedgerMeta{Title: "十万行 执行台账"}, genRows(n))
	close(stop)
	<-sampled
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d rows in %v, %.1f MB file, peak heap in use %d MB", n, time.Since(start).Round(time.Millisecond),
		float64(buf.Len())/1e6, peak.Load()>>20)
	if p := peak.Load(); p > heapBound {
		t.Errorf("peak heap %d MB passes the %d MB bound: the export is not streaming", p>>20, heapBound>>20)
	}

	// The file is complete: the last row is there, and the filter covers it.
	data := buf.Bytes()
	if xml := sheetXML(t, data); !strings.Contains(xml, fmt.Sprintf(`<autoFilter ref="$A$3:$L$%d"`, n+3)) {
		t.Error("autoFilter does not cover the last row")
	}
	updates, err := ReadProgress(bytes.NewReader(data), "big.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if len(updates) != n {
		t.Fatalf("read back %d updates, want %d", len(updates), n)
	}
	last := updates[n-1]
	if last.Row != n+3 || last.TaskID != n || *last.Percent != float64((n-1)%101) || !strings.Contains(last.Text, "第100000项") {
		t.Errorf("last update = %+v", last)
	}
	t.Logf("wrote and read back in %v", time.Since(start).Round(time.Millisecond))
}
