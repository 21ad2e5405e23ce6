/**
 * @file khcn.h
 * @brief libkhcn umbrella header: include this one.
 */
#ifndef KHCN_H
#define KHCN_H
#include "khcn/common.h"
#include "khcn/version.h"
#include "khcn/diag.h"
#include "khcn/plan.h"
#include "khcn/attain.h"
#include "khcn/io.h"
#endif
