package report

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// readSharedStrings reads the shared string table. A string with runs of
// formatting is the runs' text joined; phonetic guides (<rPh>, furigana and
// pinyin) are not part of the text.
func (x *xlsxFile) readSharedStrings(part string) ([]string, error) {
	rc, err := x.open(part, maxPartBytes)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	var (
		out        []string
		b          strings.Builder
		inT, inRPh bool
	)
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				b.Reset()
			case "t":
				inT = true
			case "rPh":
				inRPh = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				out = append(out, unescapeXString(b.String()))
			case "t":
				inT = false
			case "rPh":
				inRPh = false
			}
		case xml.CharData:
			if inT && !inRPh {
				b.Write(t)
			}
		}
	}
}

// readPercentStyles reads which cell styles (cellXfs, by index, as cells'
// s attribute counts them) show numbers as percentages.
func (x *xlsxFile) readPercentStyles(part string) ([]bool, error) {
	var ss struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmtID int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := x.decode(part, &ss); err != nil {
		return nil, err
	}
	// Built-in formats 9 (0%) and 10 (0.00%) are the only built-in
	// percentages; custom ones are judged by their code.
	pctFmt := map[int]bool{9: true, 10: true}
	for _, f := range ss.NumFmts {
		pctFmt[f.ID] = isPercentFormat(f.Code)
	}
	out := make([]bool, len(ss.Xfs))
	for i, xf := range ss.Xfs {
		out[i] = pctFmt[xf.NumFmtID]
	}
	return out, nil
}

// isPercentFormat reports whether a number format code multiplies by 100:
// a % outside quotes and not escaped. 0"%" and 0\% only print a sign after
// the number as stored, so they are not percentages.
func isPercentFormat(code string) bool {
	quoted := false
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\\' || c == '_' || c == '*':
			i++ // escapes and padding take the next character literally
		case c == ';':
			return false // only the first section holds positive numbers
		case c == '%':
			return true
		}
	}
	return false
}

// cellStylePercent reports whether style index s is a percentage format.
func (x *xlsxFile) cellStylePercent(s string) bool {
	if s == "" {
		return false
	}
	i, err := strconv.Atoi(s)
	return err == nil && i >= 0 && i < len(x.percents) && x.percents[i]
}

// unescapeXString decodes the _xHHHH_ escapes OOXML uses for characters XML
// cannot hold: Excel stores a carriage return in a cell as _x000D_, and a
// literal "_x" sequence as _x005F_x.
func unescapeXString(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if v, err := strconv.ParseUint(s[i+2:i+6], 16, 16); err == nil {
				b.WriteRune(rune(v))
				i += 7
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}
