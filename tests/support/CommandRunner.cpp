#include "CommandRunner.h"
#include "app/ManagementUtility.h"
#include "app/commands/Prompt.h"
#include <QTextStream>

namespace quango::testing {

int runCommand(const QStringList &arguments, QString *out, QString *err, const QString &input)
{
    QString o, e, in = input;
    QTextStream outStream(&o), errStream(&e), inStream(&in);
    Prompt::setInput(&inStream);
    const int code = ManagementUtility(QStringList{QStringLiteral("quango")} + arguments, outStream, errStream).execute();
    Prompt::setInput(nullptr);
    outStream.flush();
    errStream.flush();
    if (out)
        *out = o;
    if (err)
        *err = e;
    return code;
}

} // namespace quango::testing
