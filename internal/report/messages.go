package report

import (
	"fmt"
	"strings"
)

// rowMessages are the zh-CN texts of row errors, by catalogue key. They live
// here, rather than only in internal/i18n, because RowError.Message must be
// readable without a localizer; the keys are the same so a page can render
// RowError.Key through the catalogue instead.
var rowMessages = map[string]string{
	"report.import.id_missing":      "任务编号为空；请勿删除或修改任务编号",
	"report.import.id_invalid":      "任务编号「{value}」无效，应为系统导出的正整数编号",
	"report.import.id_duplicate":    "任务编号 {id} 与第 {first} 行重复，同一任务只能填写一行",
	"report.import.id_unknown":      "任务编号 {id} 不在可导入的任务中（任务可能已删除、已销号或不属于本单位）",
	"report.import.percent_invalid": "完成比例「{value}」不是数字，应填写 0–100 之间的数，如 60 或 60%",
	"report.import.percent_range":   "完成比例应在 0–100 之间，填写的是「{value}」",
}

// newRowError builds a RowError; args are name/value pairs, as for
// i18n.Localizer.T.
func newRowError(row int, column, cell, key string, args ...any) RowError {
	msg := rowMessages[key]
	for i := 0; i+1 < len(args); i += 2 {
		msg = strings.ReplaceAll(msg, "{"+fmt.Sprint(args[i])+"}", fmt.Sprint(args[i+1]))
	}
	return RowError{Row: row, Column: column, Cell: cell, Message: msg, Key: key, Args: args}
}
