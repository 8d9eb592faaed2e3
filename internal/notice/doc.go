// Package notice renders the 督办通知书 — the supervision notice a unit
// receives with its 限期整改 deadline — as a .docx file.
//
// The document comes from a template: a .docx whose text holds
// placeholders such as {{单位}} and {{限期}}. duban ships a default in the
// layout of a 公文 (GB/T 9704: A4, 仿宋_GB2312 三号 body, 方正小标宋简体 二号
// title, 文号 line); an office may hand its own template made in Word or
// WPS instead. Word splits typed text into runs at will, so placeholders
// are found in a paragraph's text as a whole, not run by run.
package notice
