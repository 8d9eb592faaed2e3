// Package commitsvc is 守信践诺: the register of the government's public
// commitments (民生实事 of a 政府工作报告, a project list, a 承诺书),
// each with its responsible unit, target and deadline, its public
// progress, and its standing on the day it is read (fulfilled, on track,
// late, broken). A broken commitment, with its reason and its
// rectification, is an entry of the 政务诚信档案.
package commitsvc
