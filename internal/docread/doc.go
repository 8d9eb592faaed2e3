// Package docread turns an office document — plain text in any of the
// encodings Chinese offices use, .docx, .xlsx, comma-separated values or a
// saved web page — into a flat sequence of blocks (paragraphs and tables)
// in document order.
//
// It knows file formats and nothing about plans: recognising tasks, units
// and deadlines is the job of package plandoc. Formats are recognised by
// content, not by extension, because government OA systems routinely save
// a workbook under a .doc name. Every reader is bounded in time and memory
// so that a hostile file (a zip bomb, XML nested 100,000 deep, a 50 MB line)
// yields a clear error rather than a crash.
//
// Every failure is an *Error that names the file and says, in Chinese and
// English, what was wrong and what to do (legacy .doc and .xls: save as
// .docx/.xlsx). It wraps ErrUnsupported, ErrTooLarge or ErrDamaged, so a
// caller can tell the three apart with errors.Is; a file that cannot be
// opened at all wraps the operating system's error instead.
package docread

// Format names the kind of input that was recognised.
type Format string

// The formats Read recognises.
const (
	FormatText Format = "text"
	FormatDocx Format = "docx"
	FormatXlsx Format = "xlsx"
	FormatHTML Format = "html"
)

// Doc is a document read into blocks.
type Doc struct {
	Name     string  // the file name it was read from, for messages
	Format   Format  // what the content turned out to be
	Encoding string  // for text and HTML: the character encoding detected ("utf-8", "gb18030", "utf-16le", …)
	Blocks   []Block // paragraphs and tables in document order
}

// Block is one paragraph or one table. Exactly one of Text and Table is set,
// except for an empty paragraph, which has neither.
type Block struct {
	// Text is the paragraph's text. Where Word generated the paragraph's
	// number (automatic numbering), the rendered label ("一、", "（一）",
	// "1.", "第一条") is prefixed, as a reader of the printed page would see it.
	Text string
	// Table holds a table's rows of cell texts. A merged cell gives its
	// value to every row and column it covers, so each row stands alone.
	// Paragraphs inside one cell are joined with "\n".
	Table [][]string
	// Sheet names the worksheet a table came from (xlsx only).
	Sheet string
}

// IsTable reports whether the block is a table.
func (b Block) IsTable() bool { return b.Table != nil }
