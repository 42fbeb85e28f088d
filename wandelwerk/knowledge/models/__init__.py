"""The knowledge base, the Wissenslandkarte and the knowledge-loss risk."""

from wandelwerk.knowledge.models.articles import (
    Article,
    ArticleStatus,
    ArticleTemplate,
    ArticleVersion,
    Attachment,
    KnowledgeSettings,
    attachment_path,
)
from wandelwerk.knowledge.models.expertise import Expertise, ExpertiseLevel, Topic
from wandelwerk.knowledge.models.risk import (
    POSITION_FACTORS,
    ExitDataGrant,
    HandOver,
    RiskRating,
)

__all__ = [
    "POSITION_FACTORS",
    "Article",
    "ArticleStatus",
    "ArticleTemplate",
    "ArticleVersion",
    "Attachment",
    "ExitDataGrant",
    "Expertise",
    "ExpertiseLevel",
    "HandOver",
    "KnowledgeSettings",
    "RiskRating",
    "Topic",
    "attachment_path",
]
