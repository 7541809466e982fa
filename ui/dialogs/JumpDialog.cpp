#include "ui/dialogs/JumpDialog.h"
#include "ui/Icons.h"
#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace quango {

JumpDialog::JumpDialog(ModelIndex index, QWidget *parent)
    : QDialog(parent), m_index(std::move(index)), m_search(new QLineEdit(this)), m_list(new QListWidget(this)), m_empty(new QLabel(this))
{
    setObjectName(QStringLiteral("jumpDialog"));
    setWindowTitle(tr("Go to model"));
    setAccessibleName(tr("Go to model"));
    auto *layout = new QVBoxLayout(this);
    m_search->setObjectName(QStringLiteral("jumpSearch"));
    m_search->setPlaceholderText(tr("Type a model name, e.g. posts or blog.Post"));
    m_search->setAccessibleName(tr("Model name"));
    m_search->setAccessibleDescription(tr("Filters the models below; Enter opens the highlighted one."));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(Icons::icon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_search->installEventFilter(this);
    layout->addWidget(m_search);
    m_list->setObjectName(QStringLiteral("jumpList"));
    m_list->setAccessibleName(tr("Matching models"));
    m_list->setUniformItemSizes(true);
    layout->addWidget(m_list);
    m_empty->setObjectName(QStringLiteral("jumpEmpty"));
    m_empty->setText(tr("No model matches."));
    m_empty->setAccessibleName(tr("No model matches"));
    m_empty->hide();
    layout->addWidget(m_empty);
    connect(m_search, &QLineEdit::textChanged, this, &JumpDialog::refill);
    connect(m_search, &QLineEdit::returnPressed, this, &JumpDialog::choose);
    connect(m_list, &QListWidget::itemActivated, this, &JumpDialog::choose);
    resize(480, 360);
    refill();
    m_search->setFocus();
}

QString JumpDialog::currentLabel() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void JumpDialog::choose()
{
    const QString label = currentLabel();
    if (label.isEmpty())
        return; // nothing matches: stay and let the user type on
    Q_EMIT modelChosen(label);
    accept();
}

void JumpDialog::refill()
{
    m_list->clear();
    const QIcon icon = Icons::icon(QStringLiteral("model"));
    for (const ModelIndex::Entry &entry : m_index.search(m_search->text())) {
        auto *item = new QListWidgetItem(icon, tr("%1 — %2").arg(entry.name, entry.label), m_list);
        item->setData(Qt::UserRole, entry.label);
        item->setToolTip(tr("%1 in %2").arg(entry.name, entry.appName));
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    m_empty->setVisible(m_list->count() == 0);
}

bool JumpDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Typing stays in the line edit while the arrows walk the list.
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Up || key == Qt::Key_Down || key == Qt::Key_PageUp || key == Qt::Key_PageDown) {
            QApplication::sendEvent(m_list, event);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace quango
