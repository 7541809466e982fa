#include "orm/Manager.h"
#include "orm/Exceptions.h"

namespace quango {

QuerySet Manager::querySet() const
{
    if (!m_model)
        throw ImproperlyConfigured(QStringLiteral("This manager is not attached to a model (add it with ModelMeta::addManager)."));
    return QuerySet(m_model);
}

} // namespace quango
