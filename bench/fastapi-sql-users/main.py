"""FastAPI's SQL seed app, reduced to GET /users/{user_id}, for bench/sql-users.sh.

The seed's database.py, models.py, schemas.py and crud.get_user in one file (Debian's
python3-fastapi 0.92 / pydantic 1.10, python3-sqlalchemy, python3-psycopg2). The engine's pool is
set like the Snel side of the benchmark (POOL_SIZE, default 40; MAX_OVERFLOW, default 0; pre-ping
on, as the Snel example has it). DATABASE_URL is an SQLAlchemy URL.

Why 40 connections: with fewer than 40 in all (pool_size=10 with max_overflow 0 or SQLAlchemy's
default 10) this app stalls under 64 concurrent requests: no response for 10 s and more, then
QueuePool TimeoutErrors after the 30 s pool timeout. Likely cause: the sync endpoint and the
response_model validation each need one of the 40 threadpool threads while the session still holds
its connection (get_db closes it only after the response), so once every thread waits for a
connection, the sessions holding the connections cannot get a thread to finish. pool_size=10 with
max_overflow=30 does not stall, but SQLAlchemy closes an overflow connection as soon as it is
returned, so under load the app keeps opening new PostgreSQL connections.
"""
import os

from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel
from sqlalchemy import Boolean, Column, Integer, String, create_engine
from sqlalchemy.orm import Session, declarative_base, sessionmaker

engine = create_engine(
    os.environ["DATABASE_URL"],
    pool_size=int(os.environ.get("POOL_SIZE", "40")),
    max_overflow=int(os.environ.get("MAX_OVERFLOW", "0")),
    pool_pre_ping=True,
)
SessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)
Base = declarative_base()


class User(Base):  # models.User
    __tablename__ = "users"

    id = Column(Integer, primary_key=True, index=True)
    email = Column(String, unique=True, index=True)
    hashed_password = Column(String)
    is_active = Column(Boolean, default=True)


class UserResponse(BaseModel):  # schemas.UserResponse
    id: int
    email: str
    is_active: bool

    class Config:
        orm_mode = True


app = FastAPI()


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


@app.get("/users/{user_id}", response_model=UserResponse)
def read_user(user_id: int, db: Session = Depends(get_db)):
    db_user = db.query(User).filter(User.id == user_id).first()  # crud.get_user
    if db_user is None:
        raise HTTPException(status_code=404, detail="User not found")
    return db_user
