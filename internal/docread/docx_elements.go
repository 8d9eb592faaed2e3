package docread

import "strings"

// The elements of document.xml the reader acts on. Everything else —
// run and paragraph formatting, bookmarks, proofing marks, drawings —
// passes through: its text, if any, still arrives in w:t.

func (r *docxReader) start(t tok) error {
	if t.space == nsMC {
		if t.name == "Fallback" {
			// mc:Fallback repeats mc:Choice (a text box as VML); reading
			// both would print its text twice.
			r.skip = len(r.names)
		}
		return nil
	}
	if !isW(t.space) {
		return nil
	}
	if t.name == "del" && r.parent(1) == "rPr" && r.parent(2) == "pPr" {
		if p := r.para(); p != nil {
			p.markDeleted = true
		}
	}
	if skipped[t.name] {
		r.skip = len(r.names)
		return nil
	}
	switch t.name {
	case "p":
		r.paras = append(r.paras, &para{})
	case "pStyle":
		if p := r.para(); p != nil && r.parent(1) == "pPr" {
			p.num.style = t.attr("val")
		}
	case "numId":
		if p := r.para(); p != nil && r.parent(1) == "numPr" && r.parent(2) == "pPr" {
			p.num.numID, p.num.hasNum = t.attr("val"), true
		}
	case "ilvl":
		if p := r.para(); p != nil && r.parent(1) == "numPr" && r.parent(2) == "pPr" {
			p.num.ilvl, p.num.hasIlvl = atoi(t.attr("val"))
		}
	case "r":
		if p := r.para(); p != nil {
			p.hidden = false
		}
	case "vanish":
		if p := r.para(); p != nil && r.parent(1) == "rPr" && r.parent(2) == "r" {
			p.hidden = on(t.attr("val"))
		}
	case "t":
		r.inText = true
	case "tab", "ptab":
		if r.parent(1) == "r" {
			r.write("\t")
		}
	case "br", "cr":
		if r.parent(1) == "r" {
			r.write("\n")
		}
	case "noBreakHyphen":
		r.write("-")
	case "tbl":
		r.tables = append(r.tables, &docxTable{})
	case "tr":
		if tb := r.table(); tb != nil {
			tb.rows = append(tb.rows, &docxRow{})
		}
	case "gridBefore":
		if row := r.row(); row != nil && r.parent(1) == "trPr" {
			row.before = clampSpan(t.attr("val"), 0)
		}
	case "tc":
		r.containers = append(r.containers, &container{kind: inCell, cell: &docxCell{span: 1}})
	case "gridSpan":
		if c := r.top(); c.cell != nil && r.parent(1) == "tcPr" {
			c.cell.span = clampSpan(t.attr("val"), 1)
		}
	case "vMerge":
		if c := r.top(); c.cell != nil && r.parent(1) == "tcPr" {
			c.cell.vmerge = mergeRestart
			if v := t.attr("val"); v == "" || v == "continue" {
				c.cell.vmerge = mergeContinue
			}
		}
	case "hMerge":
		if c := r.top(); c.cell != nil && r.parent(1) == "tcPr" {
			if v := t.attr("val"); v == "" || v == "continue" {
				c.cell.hcontinue = true
			}
		}
	case "txbxContent":
		r.containers = append(r.containers, &container{kind: inTextBox})
	}
	return nil
}

func (r *docxReader) end(t tok) error {
	if !isW(t.space) {
		return nil
	}
	switch t.name {
	case "t":
		r.inText = false
	case "p":
		if len(r.paras) == 0 {
			return nil
		}
		p := r.paras[len(r.paras)-1]
		r.paras = r.paras[:len(r.paras)-1]
		c := r.top()
		if p.markDeleted {
			c.carry += p.buf.String()
			return nil
		}
		text := r.num.label(p.num) + c.carry + p.buf.String()
		c.carry = ""
		return r.deliver(c, text)
	case "tc":
		if len(r.containers) < 2 || r.top().kind != inCell {
			return nil
		}
		c := r.top()
		if err := r.flushCarry(c); err != nil {
			return err
		}
		r.containers = r.containers[:len(r.containers)-1]
		c.cell.text = strings.Trim(strings.Join(c.paras, "\n"), "\n")
		if tb := r.table(); tb != nil {
			if len(tb.rows) == 0 {
				tb.rows = append(tb.rows, &docxRow{})
			}
			row := tb.rows[len(tb.rows)-1]
			row.cells = append(row.cells, c.cell)
			return r.count.addRawCell()
		}
		return r.deliver(r.top(), c.cell.text)
	case "tbl":
		if len(r.tables) == 0 {
			return nil
		}
		tb := r.tables[len(r.tables)-1]
		r.tables = r.tables[:len(r.tables)-1]
		c := r.top()
		if c.kind == inBody {
			grid, err := tb.grid(&r.count)
			if err != nil {
				return err
			}
			if len(grid) == 0 {
				return nil
			}
			r.blocks = append(r.blocks, Block{Table: grid})
			return r.count.addBlock()
		}
		// A table inside a cell or a text box is flattened into lines
		// of the enclosing cell: the outer table stays one table.
		for _, line := range tb.lines() {
			if err := r.deliver(c, line); err != nil {
				return err
			}
		}
	case "txbxContent":
		if len(r.containers) < 2 || r.top().kind != inTextBox {
			return nil
		}
		box := r.top()
		if err := r.flushCarry(box); err != nil {
			return err
		}
		r.containers = r.containers[:len(r.containers)-1]
		for _, s := range box.paras {
			if err := r.deliver(r.top(), s); err != nil {
				return err
			}
		}
	}
	return nil
}
