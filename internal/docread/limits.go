package docread

import (
	"fmt"
	"io"
)

// Safety limits. Every reader checks them so that a hostile or broken file
// costs at most a bounded amount of time and memory. They are generous for
// real office documents: the largest plan in the test set is 113 KB.
const (
	// maxInputSize caps the bytes Read accepts at all.
	maxInputSize = 64 << 20
	// maxPartSize caps what one zip entry (document.xml, a worksheet) may
	// inflate to. Word and Excel parts of real plans are a few MB.
	maxPartSize = 64 << 20
	// maxAuxPartSize caps the small side parts: numbering, styles,
	// relationships, content types.
	maxAuxPartSize = 16 << 20
	// maxXlsxUnzip caps the sum of all inflated entries of a workbook;
	// excelize holds them all in memory at once.
	maxXlsxUnzip = 128 << 20
	// maxZipEntries caps the entries of a zip. A Word document has a
	// dozen or two; thousands mean something hostile.
	maxZipEntries = 10000
	// maxXMLDepth caps element nesting. Real documents nest a few dozen
	// deep; without a cap a decoder's stack grows with the input.
	maxXMLDepth = 1000
	// maxBlocks caps the blocks of one document: 64 MiB of bare newlines
	// would otherwise become 64 million blocks and gigabytes of headers.
	maxBlocks = 2_000_000
	// maxCells caps the table cells of one document after merged cells are
	// expanded, for the same reason.
	maxCells = 4_000_000
	// maxScannedCells caps the cells, empty ones included, that a
	// worksheet may make excelize produce.
	maxScannedCells = 4 * maxCells
	// maxGridSpan caps one cell's column span; Word allows 63 columns.
	maxGridSpan = 64
)

// limitError is a safety limit hit deep inside a reader. It carries the
// user-facing reason, so Read can report it without guessing, and unwraps
// to ErrTooLarge.
type limitError struct {
	reason string
	detail string
}

func (e *limitError) Error() string { return e.detail }
func (e *limitError) Unwrap() error { return ErrTooLarge }

func errLimit(reason, format string, args ...any) error {
	return &limitError{reason: reason, detail: fmt.Sprintf(format, args...)}
}

// errTooDeep reports XML nested beyond maxXMLDepth.
func errTooDeep(part string) error {
	return errLimit(reasonTooDeep, "docread: %s: XML nested deeper than %d levels", part, maxXMLDepth)
}

// errTooMany reports more blocks or cells than the caps allow.
func errTooMany(what string, limit int) error {
	return errLimit(reasonTooManyItems, "docread: more than %d %s", limit, what)
}

// cappedReader reads at most limit bytes and then fails with a limitError
// instead of returning EOF, so a zip bomb is reported as one rather than
// as a truncated (damaged) document.
type cappedReader struct {
	r     io.Reader
	left  int64
	part  string
	limit int64
}

func newCappedReader(r io.Reader, part string, limit int64) *cappedReader {
	return &cappedReader{r: r, left: limit, part: part, limit: limit}
}

func (c *cappedReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		// Probe for one more byte: only data beyond the cap is an error.
		var b [1]byte
		n, err := c.r.Read(b[:])
		if n > 0 {
			return 0, errLimit(reasonZipBomb, "docread: %s inflates beyond %d MiB", c.part, c.limit>>20)
		}
		return 0, err
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// counter enforces maxBlocks and maxCells across one document.
type counter struct {
	blocks, cells int
	raw           int   // cells as read, before the grid is laid out
	sticky        error // the first limit hit by a note method
}

// noteBlock counts a block where the caller cannot stop at once; err
// reports the failure later.
func (c *counter) noteBlock() {
	if err := c.addBlock(); err != nil && c.sticky == nil {
		c.sticky = err
	}
}

// noteRawCell is noteBlock for a cell.
func (c *counter) noteRawCell() {
	if err := c.addRawCell(); err != nil && c.sticky == nil {
		c.sticky = err
	}
}

// err returns the first limit hit by noteBlock or noteRawCell.
func (c *counter) err() error { return c.sticky }

// addRawCell counts a cell while its table is still being read.
func (c *counter) addRawCell() error { return c.addRawCells(1) }

// addRawCells counts n cells while their table is still being read.
func (c *counter) addRawCells(n int) error {
	c.raw += n
	if c.raw > maxCells {
		return errTooMany("table cells", maxCells)
	}
	return nil
}

func (c *counter) addBlock() error {
	c.blocks++
	if c.blocks > maxBlocks {
		return errTooMany("blocks", maxBlocks)
	}
	return nil
}

func (c *counter) addCells(n int) error {
	c.cells += n
	if c.cells > maxCells {
		return errTooMany("table cells", maxCells)
	}
	return nil
}
