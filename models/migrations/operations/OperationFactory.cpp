#include "migrations/operations/OperationFactory.h"
#include "migrations/operations/AddConstraint.h"
#include "migrations/operations/AddField.h"
#include "migrations/operations/AddIndex.h"
#include "migrations/operations/AlterField.h"
#include "migrations/operations/AlterModelOptions.h"
#include "migrations/operations/AlterModelTable.h"
#include "migrations/operations/AlterUniqueTogether.h"
#include "migrations/operations/CreateModel.h"
#include "migrations/operations/DeleteModel.h"
#include "migrations/operations/RemoveConstraint.h"
#include "migrations/operations/RemoveField.h"
#include "migrations/operations/RemoveIndex.h"
#include "migrations/operations/RenameField.h"
#include "migrations/operations/RenameModel.h"
#include "migrations/operations/RunSQL.h"
#include "orm/Exceptions.h"
#include <QMap>

namespace quango {

using Maker = OperationPtr (*)(const QJsonObject &);

static const QMap<QString, Maker> &makers()
{
    static const QMap<QString, Maker> table = {
        {QStringLiteral("CreateModel"), &CreateModel::fromJson},
        {QStringLiteral("DeleteModel"), &DeleteModel::fromJson},
        {QStringLiteral("RenameModel"), &RenameModel::fromJson},
        {QStringLiteral("AlterModelTable"), &AlterModelTable::fromJson},
        {QStringLiteral("AlterModelOptions"), &AlterModelOptions::fromJson},
        {QStringLiteral("AddField"), &AddField::fromJson},
        {QStringLiteral("RemoveField"), &RemoveField::fromJson},
        {QStringLiteral("AlterField"), &AlterField::fromJson},
        {QStringLiteral("RenameField"), &RenameField::fromJson},
        {QStringLiteral("AddIndex"), &AddIndex::fromJson},
        {QStringLiteral("RemoveIndex"), &RemoveIndex::fromJson},
        {QStringLiteral("AddConstraint"), &AddConstraint::fromJson},
        {QStringLiteral("RemoveConstraint"), &RemoveConstraint::fromJson},
        {QStringLiteral("AlterUniqueTogether"), &AlterUniqueTogether::fromJson},
        {QStringLiteral("RunSQL"), &RunSQL::fromJson},
    };
    return table;
}

QStringList OperationFactory::knownTypes() { return makers().keys(); }

OperationPtr OperationFactory::fromJson(const QJsonObject &json)
{
    const QString type = json.value(QStringLiteral("type")).toString();
    const auto it = makers().constFind(type);
    if (it == makers().constEnd())
        throw FieldError(QStringLiteral("Unknown operation '%1'. Known operations: %2").arg(type, knownTypes().join(QStringLiteral(", "))));
    return (*it)(json);
}

} // namespace quango
