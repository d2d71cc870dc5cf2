import { Alert, App, Button, Card, Descriptions, Image, Input, Rate, Space, Spin, Timeline, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { MyTicket } from '../../../contracts/selfservice.js';
import { useI18n } from '../lib/i18n';
import { useLoad } from '../lib/use-load';
import { base64Of, imageProblem } from './image-file';
import { myApi } from './my-client';
import { shortTime } from './when';

function AddInformation({ ticket, onAdded }: { ticket: MyTicket; onAdded: () => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [images, setImages] = useState<{ name: string; dataUrl: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const choose = (files: FileList | null) => {
    setError(null);
    for (const file of Array.from(files ?? [])) {
      const problem = imageProblem(file, images.length);
      if (problem) return setError(t(problem));
      const reader = new FileReader();
      reader.onload = () => setImages((xs) => [...xs, { name: file.name, dataUrl: String(reader.result) }]);
      reader.readAsDataURL(file);
    }
  };
  const submit = async () => {
    if (!text.trim() && images.length === 0) return setError(t('my.info.empty'));
    setBusy(true);
    try {
      await myApi.addInfo(ticket.number, {
        ...(text.trim() ? { text: text.trim() } : {}),
        ...(images.length ? { images: images.map((i) => base64Of(i.dataUrl)) } : {}),
      });
      setText('');
      setImages([]);
      void message.success(t('my.info.done'));
      onAdded();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('my.info.title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.TextArea
          rows={3}
          maxLength={2000}
          placeholder={t('my.info.text')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="my-info-text"
        />
        <Typography.Text type="secondary">{t('my.info.images')}</Typography.Text>
        <Space wrap>
          {images.map((i) => (
            <img
              key={i.name + i.dataUrl.length}
              src={i.dataUrl}
              alt={i.name}
              style={{ width: 64, height: 64, objectFit: 'cover', borderRadius: 6 }}
            />
          ))}
          <Button onClick={() => input.current?.click()} disabled={images.length >= 3}>
            {t('my.info.addImage')}
          </Button>
          <input
            ref={input}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            hidden
            data-testid="my-info-file"
            onChange={(e) => {
              choose(e.target.files);
              e.target.value = '';
            }}
          />
        </Space>
        {error && <Alert type="error" showIcon message={error} />}
        <Button type="primary" block loading={busy} onClick={() => void submit()} data-testid="my-info-submit">
          {t('my.info.submit')}
        </Button>
      </Space>
    </Card>
  );
}

function RateTicket({ ticket, onRated }: { ticket: MyTicket; onRated: () => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    try {
      await myApi.rate(ticket.number, score, comment.trim() || undefined);
      void message.success(t('my.rate.done'));
      onRated();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Card size="small" title={t('my.rate.title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Rate value={score} onChange={setScore} style={{ fontSize: 32 }} data-testid="my-rate" />
        <Input.TextArea
          rows={2}
          maxLength={500}
          placeholder={t('my.rate.comment')}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
        {error && <Alert type="error" showIcon message={error} />}
        <Button type="primary" block disabled={score === 0} onClick={() => void submit()} data-testid="my-rate-submit">
          {t('my.rate.submit')}
        </Button>
      </Space>
    </Card>
  );
}

export function MyTicketPage() {
  const { number = '' } = useParams();
  const { t, local, lang, errorText } = useI18n();
  const navigate = useNavigate();
  const list = useLoad(() => myApi.tickets(), []);
  const ticket = list.data?.items.find((x) => x.number === number);

  if (list.isLoading && !list.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (list.error || !ticket) return <Alert type="error" message={list.error ? errorText(list.error) : t('error.ticket.not_found')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="my-ticket">
      <Button onClick={() => void navigate('/my')}>{t('my.ticket.back')}</Button>
      <Card size="small">
        <Descriptions column={1} size="small" labelStyle={{ width: 110 }}>
          <Descriptions.Item label={t('my.ticket.number')}>{ticket.number}</Descriptions.Item>
          <Descriptions.Item label={t('my.ticket.status')}>
            <span data-testid="my-ticket-status">{local(ticket.statusText.zh, ticket.statusText.en)}</span>
          </Descriptions.Item>
          {ticket.handlingUnit && (
            <Descriptions.Item label={t('my.ticket.unit')}>{local(ticket.handlingUnit.name, ticket.handlingUnit.nameEn)}</Descriptions.Item>
          )}
          {ticket.answerDueAt && <Descriptions.Item label={t('my.ticket.due')}>{shortTime(ticket.answerDueAt, lang)}</Descriptions.Item>}
          <Descriptions.Item label={t('my.ticket.accepted')}>{shortTime(ticket.acceptedAt, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('my.ticket.category')}>{local(ticket.category.zh, ticket.category.en)}</Descriptions.Item>
          <Descriptions.Item label={t('my.ticket.description')}>
            <span data-testid="my-ticket-description">{ticket.description}</span>
          </Descriptions.Item>
          {ticket.answer && <Descriptions.Item label={t('my.ticket.answer')}>{ticket.answer}</Descriptions.Item>}
          {ticket.rating && (
            <Descriptions.Item label={t('my.rate.yours')}>
              <Rate disabled value={ticket.rating.score} /> {ticket.rating.comment}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card size="small" title={t('my.ticket.timeline')}>
        <Timeline
          items={ticket.timeline.map((e) => ({
            key: e.id,
            children: (
              <div data-testid={`my-timeline-${e.kind}`}>
                <Typography.Text strong>{local(e.text.zh, e.text.en)}</Typography.Text>
                <div>
                  <Typography.Text type="secondary">{shortTime(e.at, lang)}</Typography.Text>
                </div>
                {e.detail && <Typography.Paragraph style={{ margin: '4px 0 0' }}>{e.detail}</Typography.Paragraph>}
                {e.images.length > 0 && (
                  <Space wrap style={{ marginTop: 4 }}>
                    {e.images.map((id) => (
                      <Image key={id} width={64} height={64} style={{ objectFit: 'cover' }} src={myApi.imageUrl(ticket.number, id)} />
                    ))}
                  </Space>
                )}
              </div>
            ),
          }))}
        />
      </Card>
      {ticket.isOpen && <AddInformation ticket={ticket} onAdded={() => void list.refresh()} />}
      {ticket.mayRate && <RateTicket ticket={ticket} onRated={() => void list.refresh()} />}
    </Space>
  );
}
