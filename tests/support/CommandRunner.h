#pragma once
#include <QString>
#include <QStringList>

namespace quango::testing {

// Runs `quango <arguments>` in-process through ManagementUtility, as a user
// would type it, and returns its exit code; standard output and error are
// captured into `out` and `err`, and `input` answers the commands' prompts.
int runCommand(const QStringList &arguments, QString *out = nullptr, QString *err = nullptr, const QString &input = {});

} // namespace quango::testing
