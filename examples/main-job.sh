#!/bin/sh
# The main job of the Quick start (`make main-job`): the report on the five
# bundled plans, from the installed khcn tool and data, then one what-if,
# clearly labelled as illustrative.
#   usage: main-job.sh KHCN_TOOL DATA_DIR
set -eu
khcn=${1:-khcn}
data=${2:-/usr/local/share/libkhcn/data}
for f in ben-tre-5611-2022 hung-yen-2023 bac-giang-2021 bac-ninh-149-2023 ca-mau-kl50; do
  echo
  echo "################################################################################"
  "$khcn" report "$data/$f.khcn"
done
echo
echo "################################################################################"
echo "ILLUSTRATIVE WHAT-IF (not published data): Bắc Giang must reach at least 80 collective"
echo "marks (nhãn hiệu tập thể) by 2025; 67 were published for 2021.  Suppose the province"
echo "registered 70 in 2022, 73 in 2023 and 76 in 2024: what would the engine say?"
"$khcn" whatif "$data/bac-giang-2021.khcn" --as-of 2024 \
  obs:nhan-hieu-tap-the:2022=70 obs:nhan-hieu-tap-the:2023=73 obs:nhan-hieu-tap-the:2024=76
