// Group metrics of the spurious-feature experiments (spurious_memorization.md §9): accuracy by
// true group, worst-group accuracy over the (label, inferred group) cells that XRM/MAT model
// selection uses (§5.4), and the AUROC of a memorization score for the minority (E6).
#pragma once

#include <Eigen/Core>

#include <vector>

namespace memgen::sim {

struct GroupAccuracy {
  double majority = 0.0, minority = 0.0;
  double Worst() const { return majority < minority ? majority : minority; }
};

// Prediction sign(f) (f > 0: +1) against y ∈ {±1}, by minority flag; a group with no point has accuracy 1.
GroupAccuracy AccuracyByGroup(const Eigen::VectorXd& logits, const Eigen::VectorXd& y, const std::vector<char>& minority);

// min over the non-empty cells (y, m) of the accuracy within the cell.
double WorstCellAccuracy(const Eigen::VectorXd& logits, const Eigen::VectorXd& y, const std::vector<char>& inferred);

// P(score of a random positive > score of a random negative) + ½ P(tie) (Mann–Whitney); NaN if
// either class is empty.
double Auroc(const Eigen::VectorXd& score, const std::vector<char>& positive);

}  // namespace memgen::sim
