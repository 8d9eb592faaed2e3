// Package proposalsvc handles the yearly cycle of 人大代表建议 and 政协委员
// 提案 (建议提案办理): a session's list taken in from the 人大/政协 .xlsx or
// one by one; the office's 交办 to a 主办 unit and 会办 units, with the
// statutory time limit (three months from 交办, one month when urgent —
// Limits, data) on the working-day calendar; the units' 面商 records,
// opinions and answer letter (.docx, a 公文, classed A/B/C); the
// representative's feedback and 重新办理 when 不满意; a B-class
// commitment registered as a task of the ledger (through the 督办件
// service, Open); and publication: the answers on the public portal,
// minus personal data and what the representative asked not to publish,
// with statistics by unit.
//
// The office takes in, assigns, records feedback and sends back; a
// liaison handles the proposals their units lead or join; leaders read.
// Every write is audited in the store's transaction.
package proposalsvc
