#pragma once
#include "orm/Exceptions.h"
#include <QString>

namespace quango {

// A change cannot be reverted because one of its fields changed again since
// (ObjectHistory::revert): putting the old value back would silently undo the
// later change. field() names it.
class RevertConflict : public Error {
public:
    RevertConflict(QString message, QString field) : Error(std::move(message)), m_field(std::move(field)) {}
    const QString &field() const { return m_field; }

private:
    QString m_field;
};

} // namespace quango
